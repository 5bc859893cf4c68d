# SPDX-License-Identifier: Apache-2.0
"""The MLS key schedule (RFC 9420 section 8): from commit secret to epoch secrets.

::

                     init_secret_[n-1]
                           |
                           V
    commit_secret --> KDF.Extract
                           |
                           V
                 ExpandWithLabel(., "joiner", GroupContext_[n], Nh)
                           |
                           V
                      joiner_secret
                           |
                           V
    psk_secret (or 0) --> KDF.Extract
                           |
                           +--> DeriveSecret(., "welcome") = welcome_secret
                           |
                           V
                 ExpandWithLabel(., "epoch", GroupContext_[n], Nh)
                           |
                           V
                      epoch_secret
                           |
                           +--> DeriveSecret(., <label>) = <secret>   (table of §8)
                           |
                           V
                 DeriveSecret(., "init") = init_secret_[n]

Every derived value is held as a :class:`~crypto.secret_bytes.Secret`, so an
``EpochSecrets`` can be printed or logged without leaking a key.

Deletion (sections 9.2, 14): once an epoch is set up, :meth:`EpochSecrets.retained`
keeps only what the epoch still needs. ``joiner_secret``, ``welcome_secret`` and
``epoch_secret`` (from which every other secret follows), ``encryption_secret`` (the
root of the secret tree, which derives every message key of the epoch) and
``confirmation_key`` are then gone: a copy of a member's state cannot rebuild the
keys of messages it already read. The exporter is
``MLS-Exporter`` of section 8.5; the confirmation tag is ``MAC(confirmation_key,
confirmed_transcript_hash)`` (section 8.1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from crypto.codec import Struct
from crypto.errors import InternalError
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite

__all__ = [
    "DELETED",
    "RETAINED_SECRETS",
    "EpochSecrets",
    "KeySchedule",
    "from_joiner_secret",
    "joiner_secret",
    "next_epoch",
    "welcome_key_nonce",
]

# (attribute, DeriveSecret label) for every secret derived from epoch_secret (§8 table).
_DERIVED = (
    ("sender_data_secret", "sender data"),
    ("encryption_secret", "encryption"),
    ("exporter_secret", "exporter"),
    ("external_secret", "external"),
    ("confirmation_key", "confirm"),
    ("membership_key", "membership"),
    ("resumption_psk", "resumption"),
    ("epoch_authenticator", "authentication"),
    ("init_secret", "init"),
)


class _Deleted(Secret):
    """A secret deleted after use: reading it is a bug, never a silent zero key."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(b"")

    @property
    def value(self) -> bytes:
        raise InternalError("this epoch secret was deleted after use")

    def __repr__(self) -> str:
        return "Secret(<deleted>)"

    __str__ = __repr__


DELETED: Secret = _Deleted()
# What an epoch keeps once set up (the rest is deleted): sender data for reading
# headers, the exporter, the external key pair, the membership key, the resumption
# PSK, the authenticator and the init secret of the next epoch.
RETAINED_SECRETS = ("sender_data_secret", "exporter_secret", "external_secret",
                    "membership_key", "resumption_psk", "epoch_authenticator", "init_secret")


def _ctx(group_context: bytes | Struct) -> bytes:
    return group_context.to_bytes() if isinstance(group_context, Struct) else group_context


@dataclass(frozen=True, slots=True, kw_only=True)
class EpochSecrets:
    """Every secret of one epoch (RFC 9420 section 8); redacted in any repr."""

    suite: CipherSuite
    joiner_secret: Secret
    welcome_secret: Secret
    epoch_secret: Secret
    sender_data_secret: Secret
    encryption_secret: Secret
    exporter_secret: Secret
    external_secret: Secret
    confirmation_key: Secret
    membership_key: Secret
    resumption_psk: Secret
    epoch_authenticator: Secret
    init_secret: Secret

    def exporter(self, label: str, context: bytes, length: int) -> bytes:
        """MLS-Exporter(Label, Context, Length) (section 8.5)."""
        s = self.suite
        derived = s.derive_secret(self.exporter_secret.value, label)
        return s.expand_with_label(derived, "exported", s.hash(context), length)

    def external_key_pair(self) -> tuple[bytes, bytes]:
        """The epoch's external HPKE key pair: KEM.DeriveKeyPair(external_secret)."""
        return self.suite.derive_key_pair(self.external_secret.value)

    def external_pub(self) -> bytes:
        return self.external_key_pair()[1]

    def confirmation_tag(self, confirmed_transcript_hash: bytes) -> bytes:
        """MAC(confirmation_key, confirmed_transcript_hash) (section 8.1)."""
        return self.suite.mac(self.confirmation_key.value, confirmed_transcript_hash)

    def verify_confirmation_tag(self, confirmed_transcript_hash: bytes, tag: bytes) -> None:
        """:class:`~crypto.errors.VerificationError` unless ``tag`` is the epoch's tag."""
        self.suite.verify_mac(self.confirmation_key.value, confirmed_transcript_hash, tag)

    def welcome_key_nonce(self) -> tuple[bytes, bytes]:
        """The key and nonce that encrypt this epoch's Welcome GroupInfo."""
        return welcome_key_nonce(self.suite, self.welcome_secret.value)

    def retained(self) -> EpochSecrets:
        """A copy without the secrets an established epoch no longer needs (see the
        module docstring); reading one of them raises :class:`InternalError`."""
        if self.encryption_secret is DELETED:
            return self
        return replace(self, joiner_secret=DELETED, welcome_secret=DELETED,
                       epoch_secret=DELETED, encryption_secret=DELETED,
                       confirmation_key=DELETED)


def joiner_secret(
    suite: CipherSuite, init_secret: bytes, commit_secret: bytes | None,
    group_context: bytes | Struct,
) -> bytes:
    """ExpandWithLabel(Extract(init_secret, commit_secret), "joiner", GroupContext, Nh)."""
    commit = commit_secret if commit_secret is not None else bytes(suite.nh)
    prk = suite.extract(init_secret, commit)
    return suite.expand_with_label(prk, "joiner", _ctx(group_context), suite.nh)


def from_joiner_secret(
    suite: CipherSuite, joiner: bytes, group_context: bytes | Struct,
    psk_secret: bytes | None = None,
) -> EpochSecrets:
    """The epoch's secrets from its joiner secret (how a Welcome recipient starts)."""
    psk = psk_secret if psk_secret is not None else bytes(suite.nh)
    member = suite.extract(joiner, psk)
    welcome = suite.derive_secret(member, "welcome")
    epoch = suite.expand_with_label(member, "epoch", _ctx(group_context), suite.nh)
    derived = {attr: Secret(suite.derive_secret(epoch, label)) for attr, label in _DERIVED}
    return EpochSecrets(
        suite=suite,
        joiner_secret=Secret(joiner),
        welcome_secret=Secret(welcome),
        epoch_secret=Secret(epoch),
        **derived,
    )


def next_epoch(
    suite: CipherSuite, init_secret: bytes | Secret, commit_secret: bytes | None,
    group_context: bytes | Struct, psk_secret: bytes | None = None,
) -> EpochSecrets:
    """The secrets of epoch n from init_secret_[n-1], commit_secret and GroupContext_[n].

    ``commit_secret``/``psk_secret`` of ``None`` stand for the all-zero vector.
    """
    init = init_secret.value if isinstance(init_secret, Secret) else init_secret
    joiner = joiner_secret(suite, init, commit_secret, group_context)
    return from_joiner_secret(suite, joiner, group_context, psk_secret)


def welcome_key_nonce(suite: CipherSuite, welcome_secret: bytes) -> tuple[bytes, bytes]:
    """welcome_key/welcome_nonce = ExpandWithLabel(welcome_secret, "key"/"nonce", "", Nk/Nn)."""
    return (suite.expand_with_label(welcome_secret, "key", b"", suite.nk),
            suite.expand_with_label(welcome_secret, "nonce", b"", suite.nn))


class KeySchedule:
    """Namespace for the key-schedule steps (contract name in docs/crypto-interfaces.md)."""

    next_epoch = staticmethod(next_epoch)
    from_joiner_secret = staticmethod(from_joiner_secret)
    joiner_secret = staticmethod(joiner_secret)
