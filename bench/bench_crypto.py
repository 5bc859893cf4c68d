# SPDX-License-Identifier: Apache-2.0
"""Corridor's MLS primitives against the raw bindings underneath them.

Run: ``.venv/bin/python bench/bench_crypto.py [--quick]``. Prints microseconds per
operation (best of several repeats) for each Corridor operation next to the raw
primitive it rests on in both bindings (PyNaCl/libsodium and pyca/cryptography),
and the ratio of Corridor's figure to the fastest raw call: the Python-layer
overhead. The targets are in DESIGN.md (1 KiB application message encrypt +
decrypt <= 150 us).
"""

from __future__ import annotations

import argparse
import hmac
import os
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import nacl.bindings as nb
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.hmac import HMAC

from crypto import hpke
from crypto.framing import protect_private, unprotect_private
from crypto.messages import ContentType, FramedContent, GroupContext, Sender
from crypto.schedule.secret_tree import SecretTree
from crypto.suites import expand_signature_key, get_suite

MSG = os.urandom(1024)


def _cg_hmac(key: bytes, data: bytes) -> bytes:
    mac = HMAC(key, SHA256())
    mac.update(data)
    return mac.finalize()


def per_call_us(fn: Callable[[], object], number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def framing_ops(suite_id: int, n: int) -> tuple[float, float, float]:
    """(encrypt, decrypt, encrypt+decrypt) of a 1 KiB application PrivateMessage."""
    suite = get_suite(suite_id)
    seed, pub = suite.generate_signature_key_pair()
    sk = expand_signature_key(seed)
    ctx = GroupContext(cipher_suite=suite_id, group_id=b"g" * 16, epoch=7,
                       tree_hash=os.urandom(32), confirmed_transcript_hash=os.urandom(32))
    ctx_bytes = ctx.to_bytes()
    enc_secret, sd_secret = os.urandom(32), os.urandom(32)
    content = FramedContent(group_id=ctx.group_id, epoch=7, sender=Sender.member(1),
                            content_type=ContentType.application, application_data=MSG)
    total = n * 6  # enough generations for every repeat
    sender = SecretTree(suite, enc_secret, 2, max_forward=total)
    msgs = [protect_private(suite, content, signature_key=sk, context=ctx_bytes,
                            secret_tree=sender, sender_data_secret=sd_secret)
            for _ in range(total)]
    sender2 = SecretTree(suite, enc_secret, 2, max_forward=total)

    def enc() -> object:
        return protect_private(suite, content, signature_key=sk, context=ctx_bytes,
                               secret_tree=sender2, sender_data_secret=sd_secret)

    receiver = SecretTree(suite, enc_secret, 2, max_forward=total)
    it = iter(msgs)

    def dec() -> object:
        return unprotect_private(suite, next(it), context=ctx, secret_tree=receiver,
                                 sender_data_secret=sd_secret, verification_key=pub,
                                 context_bytes=ctx_bytes)

    e = per_call_us(enc, n)
    d = per_call_us(dec, n)
    return e, d, e + d


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="fewer iterations")
    n = 300 if p.parse_args().quick else 2000
    rows: list[tuple[str, float, str, float, float]] = []

    suite = get_suite(3)
    seed, pub = suite.generate_signature_key_pair()
    sk64 = expand_signature_key(seed)
    tbs = os.urandom(200)
    sig = suite.sign_with_label(sk64, "FramedContentTBS", tbs)
    c_priv = Ed25519PrivateKey.from_private_bytes(seed)
    c_pub = Ed25519PublicKey.from_public_bytes(pub)
    raw_sig = c_priv.sign(tbs)
    nacl_sign = per_call_us(lambda: nb.crypto_sign(tbs, sk64), n)
    cg_sign = per_call_us(lambda: c_priv.sign(tbs), n)
    nacl_verify = per_call_us(lambda: nb.crypto_sign_open(raw_sig + tbs, pub), n)
    cg_verify = per_call_us(lambda: c_pub.verify(raw_sig, tbs), n)
    rows.append(("sign_with_label (200 B)",
                 per_call_us(lambda: suite.sign_with_label(sk64, "FramedContentTBS", tbs), n),
                 "Ed25519 sign", nacl_sign, cg_sign))
    rows.append(("sign_with_label, 32-byte seed",
                 per_call_us(lambda: suite.sign_with_label(seed, "FramedContentTBS", tbs), n),
                 "Ed25519 sign", nacl_sign, cg_sign))
    rows.append(("verify_with_label (200 B)",
                 per_call_us(lambda: suite.verify_with_label(pub, "FramedContentTBS", tbs, sig),
                             n),
                 "Ed25519 verify", nacl_verify, cg_verify))

    key32, key16, nonce, aad = os.urandom(32), os.urandom(16), os.urandom(12), os.urandom(40)
    cc = ChaCha20Poly1305(key32)
    gcm = AESGCM(key16)
    nacl_chacha = per_call_us(
        lambda: nb.crypto_aead_chacha20poly1305_ietf_encrypt(MSG, aad, nonce, key32), n)
    cg_chacha = per_call_us(lambda: cc.encrypt(nonce, MSG, aad), n)
    cg_chacha_ctor = per_call_us(lambda: ChaCha20Poly1305(key32).encrypt(nonce, MSG, aad), n)
    cg_gcm = per_call_us(lambda: gcm.encrypt(nonce, MSG, aad), n)
    rows.append(("aead_seal suite 3 (1 KiB)",
                 per_call_us(lambda: suite.aead_seal(key32, nonce, aad, MSG), n),
                 "ChaCha20-Poly1305 seal", nacl_chacha, cg_chacha))
    rows.append(("  (cryptography incl. key object)", cg_chacha_ctor,
                 "ChaCha20-Poly1305 seal", nacl_chacha, cg_chacha))
    s1 = get_suite(1)
    rows.append(("aead_seal suite 1 (1 KiB)",
                 per_call_us(lambda: s1.aead_seal(key16, nonce, aad, MSG), n),
                 "AES-128-GCM seal", float("nan"), cg_gcm))

    x_sk = os.urandom(32)
    x_pk = nb.crypto_scalarmult_base(x_sk)
    cx = X25519PrivateKey.from_private_bytes(x_sk)
    cxp = X25519PublicKey.from_public_bytes(x_pk)
    nacl_x = per_call_us(lambda: nb.crypto_scalarmult(x_sk, x_pk), n)
    cg_x = per_call_us(lambda: cx.exchange(cxp), n)
    nacl_base = per_call_us(lambda: nb.crypto_scalarmult_base(x_sk), n)
    cg_base = per_call_us(
        lambda: X25519PrivateKey.from_private_bytes(x_sk).public_key().public_bytes_raw(), n)
    rows.append(("derive_key_pair (2 HMAC + X25519 base)",
                 per_call_us(lambda: suite.derive_key_pair(x_sk), n),
                 "X25519 base mult", nacl_base, cg_base))
    prk, info40 = os.urandom(32), os.urandom(40)
    cg_hmac = per_call_us(lambda: _cg_hmac(prk, info40), n)
    rows.append(("expand_with_label (32 B out)",
                 per_call_us(lambda: suite.expand_with_label(prk, "key", info40[:32], 32), n),
                 "HMAC-SHA256 (hashlib col 1)", per_call_us(
                     lambda: hmac.digest(prk, info40, "sha256"), n), cg_hmac))
    info = os.urandom(40)
    enc, ct = hpke.seal_base(x_pk, info, b"", MSG[:100], hpke.AEAD_CHACHA20_POLY1305)
    hn = max(n // 4, 50)
    rows.append(("HPKE seal (100 B)",
                 per_call_us(lambda: suite.encrypt_with_label(x_pk, "UpdatePathNode", info,
                                                              MSG[:100]), hn),
                 "X25519 x2 (DH + keygen)", 2 * nacl_x, 2 * cg_x))
    rows.append(("HPKE open (100 B)",
                 per_call_us(lambda: hpke.open_base(x_sk, enc, info, b"", ct,
                                                    hpke.AEAD_CHACHA20_POLY1305), hn),
                 "X25519 x1 (DH)", nacl_x, cg_x))

    fn = max(n // 2, 100)
    for sid in (3, 1):
        e, d, both = framing_ops(sid, fn)
        raw_aead = (cg_chacha if sid == 3 else cg_gcm) * 2
        raw = nacl_sign + nacl_verify + raw_aead * 2
        rows.append((f"PrivateMessage 1 KiB encrypt, suite {sid}", e,
                     "sign + 2 AEAD seals", nacl_sign + raw_aead, float("nan")))
        rows.append((f"PrivateMessage 1 KiB decrypt, suite {sid}", d,
                     "verify + 2 AEAD opens", nacl_verify + raw_aead, float("nan")))
        rows.append((f"PrivateMessage 1 KiB enc+dec, suite {sid}", both,
                     "raw calls underneath", raw, float("nan")))

    print(f"{'Corridor operation':42} {'us':>8}  {'raw primitive':26} {'PyNaCl':>8} "
          f"{'crypto.':>8} {'overhead':>8}")
    for name, ours, prim, a, b in rows:
        best = min(x for x in (a, b) if x == x)
        print(f"{name:42} {ours:8.1f}  {prim:26} {a:8.1f} {b:8.1f} {ours / best:7.2f}x")
    print("\n(PyNaCl/crypto. columns: the same primitive in each binding; nan = not offered. "
          "Overhead = Corridor / fastest raw.)")


if __name__ == "__main__":
    main()
