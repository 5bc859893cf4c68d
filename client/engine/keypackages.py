# SPDX-License-Identifier: Apache-2.0
"""This device's KeyPackages (THREATS 5).

One-time packages' private parts are deleted when a Welcome uses them (a second
Welcome to the same package is refused). The device also keeps one last-resort package
on the relay (handed out repeatedly once the one-time ones are gone): joining with it
works any number of times; it is replaced after a Welcome used it and every
``last_resort_seconds``; the previous ``LR_KEEP - 1`` ones stay usable for Welcomes
already under way.
"""

from __future__ import annotations

import contextlib
from typing import Final

import msgspec

from client.engine.context import EngineContext
from client.engine.envelope import SUITE
from client.errors import ClientError
from client.policy import LEAF_EXTENSIONS, PolicyViolation
from client.store.engine_state import LastResortRecord
from client.trust import x509_credential
from crypto.messages import Welcome
from crypto.messages.key_package import KeyPackageBundle, default_capabilities, make_key_package

__all__ = ["KEY_PACKAGE_LIFETIME", "LR_KEEP", "KeyPackages"]

KEY_PACKAGE_LIFETIME: Final = 90 * 86400
#: last-resort bundles kept: the current one and the ones it replaced (a Welcome to one
#: of those may still be on its way)
LR_KEEP: Final = 3


class KeyPackages:
    """Makes, keeps and consumes this device's KeyPackages."""

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx

    def _new_bundle(self) -> KeyPackageBundle:
        ctx = self.ctx
        now = ctx.now()
        return make_key_package(SUITE, x509_credential(ctx.me.chain), ctx.me.seed,
                                lifetime=(now - 3600, now + KEY_PACKAGE_LIFETIME),
                                capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS))

    def make(self, n: int) -> list[bytes]:
        """Fresh one-time KeyPackages; their private parts are stored (encrypted) before
        return, and deleted when a Welcome uses them."""
        store = self.ctx.store
        out = []
        with store.transaction():
            for _ in range(n):
                b = self._new_bundle()
                store.put_key_package(b.ref(), b.to_bytes())
                out.append(b.key_package.to_bytes())
        return out

    def last_resort(self) -> LastResortRecord:
        return self.ctx.store.get_last_resort()

    def make_last_resort(self) -> tuple[bytes, bytes]:
        """A new last-resort KeyPackage: ``(ref, KeyPackage bytes)``. Its private part is
        stored (encrypted) before return; the oldest kept beyond ``LR_KEEP`` are
        deleted. Call :meth:`last_resort_published` once the relay has it."""
        store = self.ctx.store
        b = self._new_bundle()
        ref = b.ref()
        with store.transaction():
            rec = store.get_last_resort()
            refs = (*rec.refs, ref)
            store.put_key_package(ref, b.to_bytes(), last_resort=True)
            for old in refs[:-LR_KEEP]:
                with contextlib.suppress(ClientError):
                    store.delete_key_package(old)
            store.put_last_resort(msgspec.structs.replace(rec, refs=refs[-LR_KEEP:]))
        return ref, b.key_package.to_bytes()

    def last_resort_published(self, ref: bytes) -> None:
        """The relay now holds the last-resort package ``ref`` (it replaced the old one)."""
        rec = self.last_resort()
        self.ctx.store.put_last_resort(msgspec.structs.replace(
            rec, current=ref, published_at=self.ctx.now(), used=False))

    def last_resort_due(self, relay_has_one: bool = True) -> bool:
        """Whether to publish a new last-resort package: the relay has none, ours was
        used by a Welcome, or it is older than ``last_resort_seconds``."""
        rec = self.last_resort()
        if not relay_has_one or not rec.current or rec.used:
            return True
        every = self.ctx.settings.last_resort_seconds
        return bool(every) and self.ctx.now() - rec.published_at >= every

    def bundle_for(self, welcome: Welcome) -> tuple[KeyPackageBundle, bytes, bool]:
        """The bundle a Welcome is for: (bundle, ref, whether it is a last-resort one)."""
        for s in welcome.secrets:
            kp = self.ctx.store.get_key_package(s.new_member)
            if kp is not None:
                return KeyPackageBundle.from_bytes(kp.bundle), s.new_member, kp.last_resort
        raise PolicyViolation("the Welcome is for none of this device's KeyPackages")

    def used(self, ref: bytes, last_resort: bool) -> None:
        """A Welcome joined with ``ref``: a one-time package is gone (a second Welcome to
        it creates nothing); a last-resort one is kept (it may serve again) but replaced
        at the next chance."""
        store = self.ctx.store
        if last_resort:
            rec = store.get_last_resort()
            if rec.current == ref and not rec.used:
                store.put_last_resort(msgspec.structs.replace(rec, used=True))
        else:
            store.delete_key_package(ref)
