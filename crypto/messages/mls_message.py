# SPDX-License-Identifier: Apache-2.0
"""MLSMessage (RFC 9420 section 6): the envelope of every message on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from crypto.codec import Reader, Struct, Writer
from crypto.errors import UsageError
from crypto.messages.common import ProtocolVersion, WireFormat, _enum, _require
from crypto.messages.content import PrivateMessage, PublicMessage
from crypto.messages.proposals import KeyPackage
from crypto.messages.welcome import GroupInfo, Welcome


@dataclass(frozen=True, slots=True, kw_only=True)
class MLSMessage(Struct):
    """RFC 9420 section 6 (version must be mls10; unknown wire formats are rejected)::

        struct {
            ProtocolVersion version = mls10;  WireFormat wire_format;
            select (wire_format) {
                case mls_public_message:  PublicMessage public_message;
                case mls_private_message: PrivateMessage private_message;
                case mls_welcome:         Welcome welcome;
                case mls_group_info:      GroupInfo group_info;
                case mls_key_package:     KeyPackage key_package;
            };
        } MLSMessage;
    """

    version: ProtocolVersion = ProtocolVersion.mls10
    wire_format: WireFormat
    public_message: PublicMessage | None = None
    private_message: PrivateMessage | None = None
    welcome: Welcome | None = None
    group_info: GroupInfo | None = None
    key_package: KeyPackage | None = None

    def __post_init__(self) -> None:
        present = [wf for wf, v in self._arms() if v is not None]
        _require(present == [self.wire_format], "wire_format must match the one body present")

    def _arms(self) -> tuple[tuple[WireFormat, Struct | None], ...]:
        return ((WireFormat.mls_public_message, self.public_message),
                (WireFormat.mls_private_message, self.private_message),
                (WireFormat.mls_welcome, self.welcome),
                (WireFormat.mls_group_info, self.group_info),
                (WireFormat.mls_key_package, self.key_package))

    @property
    def body(self) -> PublicMessage | PrivateMessage | Welcome | GroupInfo | KeyPackage:
        """The one arm present."""
        for value in (self.public_message, self.private_message, self.welcome,
                      self.group_info, self.key_package):
            if value is not None:
                return value
        raise UsageError("empty MLSMessage")  # pragma: no cover - __post_init__ forbids it

    @classmethod
    def of(cls, body: PublicMessage | PrivateMessage | Welcome | GroupInfo | KeyPackage
           ) -> MLSMessage:
        """Wrap ``body`` with the wire format its type implies."""
        match body:
            case PublicMessage():
                return cls(wire_format=WireFormat.mls_public_message, public_message=body)
            case PrivateMessage():
                return cls(wire_format=WireFormat.mls_private_message, private_message=body)
            case Welcome():
                return cls(wire_format=WireFormat.mls_welcome, welcome=body)
            case GroupInfo():
                return cls(wire_format=WireFormat.mls_group_info, group_info=body)
            case KeyPackage():
                return cls(wire_format=WireFormat.mls_key_package, key_package=body)
        raise UsageError("not an MLSMessage body")  # pragma: no cover

    def encode(self, w: Writer) -> None:
        w.u16(self.version)
        w.u16(self.wire_format)
        self.body.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        version = _enum(ProtocolVersion, r.u16())
        wf = _enum(WireFormat, r.u16())
        if wf == WireFormat.mls_public_message:
            return cls(version=version, wire_format=wf, public_message=PublicMessage.decode(r))
        if wf == WireFormat.mls_private_message:
            return cls(version=version, wire_format=wf,
                       private_message=PrivateMessage.decode(r))
        if wf == WireFormat.mls_welcome:
            return cls(version=version, wire_format=wf, welcome=Welcome.decode(r))
        if wf == WireFormat.mls_group_info:
            return cls(version=version, wire_format=wf, group_info=GroupInfo.decode(r))
        return cls(version=version, wire_format=wf, key_package=KeyPackage.decode(r))
