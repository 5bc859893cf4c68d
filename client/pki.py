# SPDX-License-Identifier: Apache-2.0
"""``corridor mission|device|cert ...``: enrolment without trusting the relay.

A mission admin makes the mission key and a request for the secretariat
(``mission init``), then signs the requests of the mission's devices
(``mission sign-device``, which keeps a copy in ``issued/``), recalls them
(``mission revoke-device``, the mission's CRL), and watches the venue's transparency
log for certificates it did not sign (``mission monitor``). A device makes its own key
and request (``device init``), and imports its certificate with the venue root, whose
SHA-256 fingerprint it was given out of band (``device import`` refuses any other
root). ``cert verify`` checks any chain.

Mission keys are passphrase-sealed files (crypto.certs.keyfile): admins move them between
machines. The device's signature key never leaves the device: ``device init`` puts it
in the device's keystore (client.keystore): the OS keyring where a usable one exists,
else the passphrase-protected ``secrets.key`` (the same crypto.certs.keyfile format), and
says which. Passphrases come from CORRIDOR_PASSPHRASE or a prompt. Files are PEM,
readable by ``openssl``. Exit status: 0 success, 1 refused or failed verification,
2 bad usage.

A device home holds ``keystore.json`` (which backend; no secret), ``secrets.key`` (only
without a keyring), ``device-request.pem`` and, once imported, ``root.pem`` (the pinned
venue root), ``mission.pem``, ``device.pem`` and ``chain.pem`` (device then mission:
the MLS x509 credential). Homes made before the keystore held the device key have a
``device.key``; ``Client.open`` (or ``device migrate-keystore``) moves it into the
keystore.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from client.keystore import (
    DEVICE_SIGNATURE_KEY,
    MODERATE,
    KdfLimits,
    PassphrasePrompt,
    adopt_legacy_device_key,
    kdf_from_env,
    migrate_legacy_file,
    open_keystore,
)
from client.paths import Home, resolve_home
from crypto import certs
from crypto.certs.keyfile import STRENGTHS, seal_key
from crypto.errors import CryptoError

if TYPE_CHECKING:
    from client._cli import Subparsers
    from crypto.certs.transparency import SignedTreeHead

from client.pki_support import (
    CHAIN,
    DEVICE,
    DEVICE_REQUEST,
    ISSUED,
    MISSION,
    MISSION_CRL,
    MISSION_KEY,
    MISSION_LABEL,
    MISSION_REQUEST,
    PASSPHRASE_ENV,
    ROOT,
    CommandError,
    _certs_in,
    _der_crl,
    _der_request,
    _emit,
    _existing_home,
    _fingerprint_arg,
    _home_arg,
    _hours_arg,
    _identity_lines,
    _keystore_prompt,
    _mission_file,
    _new_file,
    _now,
    _one_cert,
    _open,
    _passphrase,
    _read,
    _serial_arg,
    _time_arg,
    _update_crl,
    _validity_arg,
    _write,
)

__all__ = [
    "DEVICE_REQUEST",
    "CommandError",
    "DeviceRequest",
    "create_device_request",
    "import_device_certificates",
    "main",
    "pending_request",
    "register",
    "sort_enrolment_files",
]

# --------------------------------------------------------------------------- mission


def cmd_mission_init(args: argparse.Namespace) -> int:
    out = Path(_mission_file(args, "out", ""))
    key_path, req_path = out / MISSION_KEY, out / MISSION_REQUEST
    if key_path.exists():
        raise CommandError(f"{key_path} exists; refusing to replace a mission key")
    seed = certs.new_signing_key()
    csr = certs.make_mission_request(seed, mission_id=args.mission_id, name=args.name)
    passphrase = _passphrase("new mission key passphrase: ", confirm=True)
    _write(key_path, seal_key(seed, passphrase, label=MISSION_LABEL, strength=args.kdf),
           secret=True)
    _write(req_path, certs.pem_of(csr, "request"), replace=True)
    _emit(args, {"key": str(key_path), "request": str(req_path),
                 "mission_id": args.mission_id, "name": args.name},
          [f"mission key: {key_path} (passphrase-protected)",
           f"request for the secretariat: {req_path}",
           "the secretariat runs: corridor-relay venue accredit-mission --request ..."])
    return 0


def cmd_sign_device(args: argparse.Namespace) -> int:
    args.mission_cert = _mission_file(args, "mission_cert", MISSION)
    args.key = _mission_file(args, "key", MISSION_KEY)
    mission = _one_cert(args.mission_cert)
    req = certs.read_request(_der_request(_read(args.request)), kind="device")
    seed = _open(Path(args.key), MISSION_LABEL, "mission key passphrase: ")
    now = _now()
    der = certs.issue_device_certificate(
        mission, seed, public_key=req.public_key, delegate_id=req.id,
        display_name=req.name, not_before=now - timedelta(minutes=5),
        not_after=now + timedelta(seconds=args.days))
    out = Path(args.out)
    _new_file(out, certs.pem_of(der, "certificate"))
    serial = certs.certificate_serial(der)
    record_issued(Path(args.key).parent, der)
    _emit(args, {"delegate_id": req.id, "display_name": req.name, "serial": serial,
                 "out": str(out)},
          [f"certified {req.id} ({req.name}), serial {serial}: {out}",
           f"give the device {out}, {args.mission_cert} and the venue root"])
    return 0


def record_issued(mission_dir: Path, der: bytes) -> Path:
    """Keep a copy of every device certificate the mission signs (``issued/<serial>.pem``
    beside the mission key): what ``mission monitor`` compares the log with."""
    issued = mission_dir / ISSUED
    issued.mkdir(parents=True, exist_ok=True)
    path = issued / f"{certs.certificate_serial(der):x}.pem"
    path.write_bytes(certs.pem_of(der, "certificate"))
    return path


def issued_serials(issued_dir: Path) -> set[int]:
    """Serials of the certificates in a mission's ``issued/`` folder."""
    out = set()
    for p in sorted(issued_dir.glob("*.pem")):
        out.add(certs.certificate_serial(certs.der_of(p.read_bytes(), "certificate")))
    return out


def cmd_mission_monitor(args: argparse.Namespace) -> int:
    import asyncio

    from client.core import Client
    from client.transparency import monitor_mission

    mission = _one_cert(args.mission_cert)
    issued = issued_serials(Path(args.issued) if args.issued
                            else Path(args.mission_cert).parent / ISSUED)

    home = _existing_home(args).root  # --home before or after the command, or CORRIDOR_HOME

    async def run() -> tuple[SignedTreeHead, list[bytes]]:
        client = Client.open(home, getattr(args, "relay", None))
        try:
            return await client.verified_log()
        finally:
            await client.close()

    head, entries = asyncio.run(run())
    findings = monitor_mission(entries, mission, issued)
    bad = [f for f in findings if f.alarm]
    _emit(args, {"tree_size": head.size, "root": head.root.hex(), "issued": len(issued),
                 "entries": [{"index": f.index, "kind": f.kind, "serial": f.serial,
                              "subject": f.subject, "alarm": f.alarm} for f in findings],
                 "alarms": len(bad)},
          [f"log of {head.size} entries checked against its signed head "
           f"{head.root.hex()[:16]}",
           *(f"  #{f.index} {f.kind} serial {f.serial} {f.subject}"
             + (f"  ALARM: {f.alarm}" if f.alarm else "") for f in findings),
           f"{len(bad)} alarm(s)" if bad else "no certificate the mission did not issue"])
    return 1 if bad else 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    args.mission_cert = _mission_file(args, "mission_cert", MISSION)
    args.key = _mission_file(args, "key", MISSION_KEY)
    args.crl = _mission_file(args, "crl", MISSION_CRL)
    mission = _one_cert(args.mission_cert)
    if args.cert:
        der = _one_cert(args.cert)
        if (x509.load_der_x509_certificate(der).issuer
                != x509.load_der_x509_certificate(mission).subject):
            raise CommandError("that certificate was not issued by this mission")
        serial = certs.certificate_serial(der)
    else:
        serial = args.serial
    seed = _open(Path(args.key), MISSION_LABEL, "mission key passphrase: ")
    crl_path = Path(args.crl)
    number, count, already = _update_crl(crl_path, mission, seed, serial)
    _emit(args, {"serial": serial, "already_revoked": already, "crl": str(crl_path),
                 "crl_number": number},
          [f"serial {serial} {'was already' if already else 'is now'} revoked",
           f"mission CRL #{number} ({count} entries): {crl_path}"])
    return 0


# --------------------------------------------------------------------------- device


@dataclass(frozen=True, slots=True)
class DeviceRequest:
    """What ``device init`` made: where the request is and where the key went."""

    request: Path
    keystore: str  # "keyring" or "file"
    key_file: Path | None
    keystore_description: str
    delegate_id: str
    display_name: str
    signature_key: bytes

    def to_json(self) -> dict[str, object]:
        return {"keystore": self.keystore,
                "key_file": str(self.key_file) if self.key_file else None,
                "keystore_description": self.keystore_description,
                "request": str(self.request), "delegate_id": self.delegate_id,
                "display_name": self.display_name, "signature_key": self.signature_key.hex()}


def create_device_request(home: Home, delegate_id: str, display_name: str, *,
                          prompt: PassphrasePrompt | None = None, backend: str = "auto",
                          kdf: KdfLimits = MODERATE) -> DeviceRequest:
    """Create this device's signature key in its keystore and the request for its admin.

    The command line and the desktop app's enrolment both call this.

    Raises:
        CommandError: the home already has a device key, or an id or name is unusable.
        ClientError: the keystore cannot be set up (no keyring, no passphrase).
    """
    if not delegate_id.strip() or not display_name.strip():
        raise CommandError("the delegate id and the display name must not be empty")
    req_path = home.root / DEVICE_REQUEST
    if home.legacy_device_key_path.exists():
        raise CommandError(f"{home.legacy_device_key_path} exists; this home already has a "
                           "device key")
    seed = certs.new_signing_key()
    try:  # before the keystore exists: a refused id or name leaves nothing behind
        csr = certs.make_device_request(seed, delegate_id=delegate_id,
                                        display_name=display_name)
    except (ValueError, CryptoError) as e:
        raise CommandError(f"cannot make a request with that id or name: {e}") from None
    store = open_keystore(home, backend=backend, prompt=prompt, kdf=kdf)  # type: ignore[arg-type]
    if store.get(DEVICE_SIGNATURE_KEY) is not None:
        raise CommandError(f"this home ({home.root}) already has a device key")
    store.put(DEVICE_SIGNATURE_KEY, seed)
    _write(req_path, certs.pem_of(csr, "request"), replace=True)
    return DeviceRequest(req_path, store.backend,
                         home.keyfile_path if store.backend == "file" else None,
                         store.description, delegate_id, display_name,
                         certs.public_key_of(seed))


def pending_request(home: Path) -> certs.Request | None:
    """The request this home made and has not yet had certified (None if none)."""
    path = home / DEVICE_REQUEST
    if not path.exists() or (home / CHAIN).exists():
        return None
    return certs.read_request(_der_request(_read(path)), kind="device")


def cmd_device_init(args: argparse.Namespace, *,
                    prompt: PassphrasePrompt = _keystore_prompt) -> int:
    home = resolve_home(getattr(args, "home", None))
    made = create_device_request(home, args.delegate_id, args.display_name, prompt=prompt,
                                 backend=args.keystore,
                                 kdf=kdf_from_env(KdfLimits(*STRENGTHS[args.kdf])))
    # the file's description already names it and says why: the keyring note is said once
    where = ["device key: in the OS keyring"] if made.key_file is None else []
    _emit(args, made.to_json(), [*where, made.keystore_description,
                                 f"request for your mission admin: {made.request}"])
    return 0


def cmd_device_migrate_keystore(args: argparse.Namespace) -> int:
    home = _existing_home(args)
    rewritten = False
    if home.keyfile_path.exists():
        pw = _passphrase("this device's key file passphrase: ", confirm=False)
        rewritten = migrate_legacy_file(home, pw)
        store = open_keystore(home, env={PASSPHRASE_ENV: pw})
    else:
        store = open_keystore(home, prompt=_keystore_prompt, kdf=kdf_from_env(MODERATE))
    adopted = adopt_legacy_device_key(
        home, store, _passphrase("device.key passphrase: ", confirm=False)
    ) if home.legacy_device_key_path.exists() else False
    lines = [f"{home.keyfile_path}: rewritten in the current format" if rewritten else
             "the key file is already in the current format" if home.keyfile_path.exists()
             else "no key file (the OS keyring holds this device's secrets)"]
    if adopted:
        lines.append(f"the device key moved from {home.legacy_device_key_path} into the "
                     "keystore")
    _emit(args, {"home": str(home.root), "rewritten": rewritten, "device_key_moved": adopted,
                 "keystore": store.backend}, [*lines, store.description])
    return 0


def sort_enrolment_files(home: Path, paths: Sequence[str | Path]) -> dict[str, Path]:
    """Which of the files a mission admin sent is which: ``root``, ``mission``, ``device``.

    The root is the self-signed certificate, the device certificate is the one for this
    device's key, the mission certificate is the other one. Files that are none of these
    (or a second candidate for a role) raise, so nothing is guessed.

    Raises:
        CommandError: a file is unreadable, or the files do not make one of each.
    """
    req = pending_request(home)
    mine = req.public_key if req is not None else None
    found: dict[str, Path] = {}
    for p in paths:
        path = Path(p)
        der = _one_cert(path)
        cert = x509.load_der_x509_certificate(der)
        if cert.issuer == cert.subject:
            role = "root"
        elif mine is not None and cert.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw) == mine:
            role = "device"
        else:
            role = "mission"
        if role in found:
            raise CommandError(f"{found[role].name} and {path.name} both look like the "
                               f"{role} certificate")
        found[role] = path
    return found


def import_device_certificates(home: Path, *, cert: str | Path, mission_cert: str | Path,
                               root: str | Path, root_fingerprint: str,
                               policy_path: str | Path | None = None,
                               ) -> certs.VerifiedIdentity:
    """Check the root against the fingerprint from the letter, verify the chain, store it
    (and pin the venue policy, when given, if the root signed it).

    Raises:
        CommandError: the fingerprint does not match, a file is unreadable, the
            certificate is for another key, or no request was made in this home.
        CryptoError: the chain does not verify (the failing link is named).
    """
    root_der = _one_cert(root)
    expected = _fingerprint_arg(root_fingerprint)
    if certs.fingerprint(root_der) != expected:
        raise CommandError(
            "the root certificate does not match the fingerprint you were given; "
            "do not use it (got " + certs.fingerprint_hex(root_der) + ")")
    pinned = home / ROOT
    if pinned.exists() and _one_cert(pinned) != root_der:
        raise CommandError(f"{pinned} already pins another venue root")
    device, mission = _one_cert(cert), _one_cert(mission_cert)
    if not (home / DEVICE_REQUEST).exists():
        raise CommandError(f"{home} has no request from this device (corridor device init)")
    req = certs.read_request(_der_request(_read(home / DEVICE_REQUEST)), kind="device")
    ident = certs.verify_chain(root_der, [device, mission], now=_now())
    if ident.signature_key != req.public_key:
        raise CommandError("that certificate is for another key than this device's")
    policy = _read(policy_path) if policy_path else None
    if policy is not None:
        from client.transparency import POLICY_FILE, LogVerifier, TransparencyError

        try:
            LogVerifier(root_der, home_policy=policy)
        except TransparencyError as exc:
            raise CommandError(f"{policy_path}: {exc}") from None
        _write(home / POLICY_FILE, policy, replace=True)
    _write(pinned, certs.pem_of(root_der, "certificate"), replace=True)
    _write(home / MISSION, certs.pem_of(mission, "certificate"), replace=True)
    _write(home / DEVICE, certs.pem_of(device, "certificate"), replace=True)
    _write(home / CHAIN, certs.pem_of(device, "certificate")
           + certs.pem_of(mission, "certificate"), replace=True)
    return ident


def cmd_device_import(args: argparse.Namespace) -> int:
    home = _existing_home(args).root
    ident = import_device_certificates(home, cert=args.cert, mission_cert=args.mission_cert,
                                       root=args.root, root_fingerprint=args.root_fingerprint,
                                       policy_path=args.policy)
    _emit(args, {"identity": ident.to_json(), "home": str(home)},
          ["imported; the venue root is pinned", *_identity_lines(ident)])
    return 0


def cmd_device_show(args: argparse.Namespace) -> int:
    home = _existing_home(args).root
    if not (home / CHAIN).exists():
        raise CommandError(f"no certificate imported in {home} (corridor device import)")
    root = _one_cert(home / ROOT)
    chain = _certs_in(_read(home / CHAIN), str(home / CHAIN))
    crls = [_der_crl(_read(p)) for p in args.crl or []]
    ident = certs.verify_chain(root, chain, now=_now(), crls=crls)
    _emit(args, {"identity": ident.to_json(), "home": str(home)}, _identity_lines(ident))
    return 0


# --------------------------------------------------------------------------- cert verify


def cmd_cert_verify(args: argparse.Namespace) -> int:
    root = _one_cert(args.root)
    if args.root_fingerprint and certs.fingerprint(root) != _fingerprint_arg(
            args.root_fingerprint):
        raise CommandError("the root certificate does not match the given fingerprint")
    chain: list[bytes] = []
    for path in args.chain:
        chain += _certs_in(_read(path), path)
    crls = [_der_crl(_read(p)) for p in args.crl or []]
    roles = [_one_cert(p) for p in args.role or []]
    at = args.at or _now()
    try:
        ident = certs.verify_chain(root, chain, now=at, crls=crls, roles=roles)
    except certs.ChainError as e:
        _emit(args, {"valid": False, "link": e.link, "error": type(e).__name__,
                     "reason": e.reason},
              [f"INVALID: {e.link} link: {e.reason} ({type(e).__name__})"])
        return 1
    _emit(args, {"valid": True, "identity": ident.to_json()},
          ["valid", *_identity_lines(ident)])
    return 0


# --------------------------------------------------------------------------- parser


def _run(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Errors are reported by client._cli.run_guarded (words, or JSON with --json)."""
    return func


def _device_list_command(args: argparse.Namespace) -> int:
    from client.cli import device_list_command

    return device_list_command(args)


def _claims_command(args: argparse.Namespace) -> int:
    from client.cli import claims_command

    return claims_command(args)


def register(subparsers: Subparsers) -> None:
    """Add ``mission``, ``device`` and ``cert``; each leaf parser sets ``func``."""

    def leaf(sub: Subparsers, name: str, help_: str, func: Callable[[argparse.Namespace], int],
             description: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=description)
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON (errors too)")
        p.set_defaults(func=_run(func))
        return p

    def kdf(p: argparse.ArgumentParser) -> None:
        p.add_argument("--kdf", choices=sorted(STRENGTHS), default="moderate",
                       help="Argon2id cost of the key file (default moderate)")

    mission = subparsers.add_parser("mission", help="mission admin: key, devices, recalls",
                                    description="Mission admin commands.")
    msub = mission.add_subparsers(dest="mission_command", required=True, metavar="COMMAND")
    p = leaf(msub, "init", "create the mission key and a request for the secretariat",
             cmd_mission_init, "Create the mission key (passphrase-protected) and a "
             "certificate request to send to the secretariat.")
    _home_arg(p, mission=True)
    p.add_argument("--out", default=None,
                   help="directory for mission.key and the request (default: --home)")
    p.add_argument("--mission-id", required=True)
    p.add_argument("--name", required=True, help="the mission's name")
    kdf(p)
    p = leaf(msub, "sign-device", "certify a device's request", cmd_sign_device,
             "Sign a device's request with the mission key. Refuses a certificate that "
             "would outlive the mission certificate.")
    _home_arg(p, mission=True)
    p.add_argument("--request", required=True, help="the device's request (PEM)")
    p.add_argument("--mission-cert", default=None,
                   help="the mission certificate (default: mission.pem in --home)")
    p.add_argument("--key", default=None,
                   help="the mission key file (default: mission.key in --home)")
    p.add_argument("--days", type=_validity_arg, default=90 * 86400, metavar="DURATION",
                   help="validity: days (90), or a duration such as 12w or 2160h; from 1 "
                        "hour to 10 years (default 90 days)")
    p.add_argument("--out", required=True, help="where to write the device certificate")
    p = leaf(msub, "revoke-device", "recall a device (mission CRL)", cmd_revoke_device,
             "Add a device certificate's serial to the mission's CRL and re-sign it.")
    _home_arg(p, mission=True)
    p.add_argument("--mission-cert", default=None,
                   help="the mission certificate (default: mission.pem in --home)")
    p.add_argument("--key", default=None,
                   help="the mission key file (default: mission.key in --home)")
    p.add_argument("--crl", default=None, help="the mission CRL file, created if absent "
                   "(default: mission-crl.pem in --home)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--serial", type=_serial_arg, help="serial (decimal or 0x-hex)")
    which.add_argument("--cert", help="the device certificate (PEM)")

    p = leaf(msub, "monitor", "check the transparency log for certificates the mission "
             "did not issue", cmd_mission_monitor,
             "Read the venue's whole transparency log through a device of the venue "
             "(checked against a signed tree head and the trusted history) and list every "
             "certificate and CRL of this mission; exit 1 on a device certificate the "
             "mission did not issue (its issued/ records) or another certificate for the "
             "mission: a stolen or misused key.")
    p.add_argument("--mission-cert", required=True)
    p.add_argument("--issued", help="the mission's issued/ directory (default: beside "
                   "--mission-cert)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="a device home of the venue "
                   "(reads the log with its token, pinned root and policy; default: "
                   "CORRIDOR_HOME or the platform data dir)")
    p.add_argument("--relay", default=argparse.SUPPRESS,
                   help="relay URL (default: the home's)")

    device = subparsers.add_parser("device", help="this device: key, certificate",
                                   description="Device enrolment commands.")
    dsub = device.add_subparsers(dest="device_command", required=True, metavar="COMMAND")
    p = leaf(dsub, "init", "create this device's key and request", cmd_device_init,
             "Create the device's signature key in its keystore (the OS keyring, or a "
             "passphrase-protected file where none is usable) and a request for the "
             "mission admin.")
    _home_arg(p)
    p.add_argument("--delegate-id", required=True)
    p.add_argument("--display-name", required=True)
    p.add_argument("--keystore", choices=["auto", "keyring", "file"], default="auto",
                   help="where the secrets go (default auto: the OS keyring if usable)")
    p.add_argument("--kdf", choices=sorted(STRENGTHS), default="moderate",
                   help="Argon2id cost of the key file, when one is used (default moderate)")
    p = leaf(dsub, "migrate-keystore", "update a home made by an earlier build",
             cmd_device_migrate_keystore,
             "Rewrite an old-format key file in the current format (same passphrase) and "
             "move an old device.key into the keystore.")
    _home_arg(p)
    p = leaf(dsub, "import", "import the certificate and pin the venue root",
             cmd_device_import, "Check the venue root against the fingerprint given out "
             "of band, verify the chain, and store it.")
    _home_arg(p)
    p.add_argument("--cert", required=True, help="this device's certificate")
    p.add_argument("--mission-cert", required=True)
    p.add_argument("--root", required=True, help="the venue root certificate")
    p.add_argument("--root-fingerprint", required=True,
                   help="SHA-256 of the root, as hex or as the 32 words")
    p.add_argument("--policy", help="the venue policy (venue-policy.bin, signed by the "
                   "root): pins the transparency log key now rather than at first sync")
    p = dsub.add_parser(
        "claims", help="who claimed the KeyPackages of this mission's devices",
        description="List the relay's record of KeyPackage claims of every device of this "
        "device's mission (claimer device and mission, time): how a mission admin sees "
        "who drains its devices' packages. The relay shows it to the mission's own "
        "devices only.")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="the device's home directory")
    p.add_argument("--relay", default=argparse.SUPPRESS, help="relay URL (default: the home's)")
    p.add_argument("--hours", type=_hours_arg, default=24.0, metavar="DURATION",
                   help="how far back: hours (24), or a duration such as 90m or 7d; up to "
                        "365 days (default 24 hours)")
    p.set_defaults(func=_claims_command)
    p = dsub.add_parser(
        "list", help="list your devices (this one marked)",
        description="List the devices of your delegate identity that the venue directory "
        "holds, this one marked, with the channels (as this device sees them) each is a "
        "member of. Needs the relay.")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print JSON (errors too)")
    p.add_argument("--home", default=argparse.SUPPRESS, help="the device's home directory")
    p.add_argument("--relay", default=argparse.SUPPRESS, help="relay URL (default: the home's)")
    p.set_defaults(func=_device_list_command)
    from client.cli import add_device_remove_parser
    add_device_remove_parser(dsub)
    p = leaf(dsub, "show", "show this device's verified identity", cmd_device_show,
             "Verify the stored chain to the pinned root now and print the identity.")
    _home_arg(p)
    p.add_argument("--crl", action="append", help="a CRL to apply (repeatable)")

    cert = subparsers.add_parser("cert", help="check certificates",
                                 description="Certificate checks.")
    csub = cert.add_subparsers(dest="cert_command", required=True, metavar="COMMAND")
    p = leaf(csub, "verify", "verify a chain to a venue root", cmd_cert_verify,
             "Verify a chain (device first, then mission) to the venue root; print the "
             "identity, or the failing link and exit 1.")
    p.add_argument("--root", required=True, help="the venue root certificate")
    p.add_argument("--root-fingerprint", help="also check the root's fingerprint")
    p.add_argument("--chain", required=True, action="append",
                   help="PEM file(s) with the chain, device first (repeatable)")
    p.add_argument("--crl", action="append", help="a CRL (repeatable)")
    p.add_argument("--role", action="append", help="a role certificate (repeatable)")
    p.add_argument("--at", type=_time_arg, help="verify at this ISO 8601 time (default now)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run these commands alone (``python -m client.pki cert verify ...``)."""
    from client._cli import Parser, UsageFailure, run_guarded, usage_failure, wants_json

    parser = Parser(prog="corridor")
    parser.add_argument("--home", default=None, help="the home directory")
    register(parser.add_subparsers(dest="command", required=True))
    try:
        args = parser.parse_args(argv)
    except UsageFailure as exc:
        return usage_failure(wants_json(argv), exc)
    return run_guarded(args.func, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
