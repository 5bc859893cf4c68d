# SPDX-License-Identifier: Apache-2.0
"""``corridor-relay venue ...``: the secretariat's commands around the venue root.

The data directory holds::

    root.key        the venue root's Ed25519 key, passphrase-sealed (crypto.certs.keyfile)
    root.pem        the self-signed venue root certificate (what every client pins)
    root.crl.pem    the root's CRL (revoked missions and roles), re-signed on each revoke
    issued/         a copy of every certificate the root issued, named by serial (hex)
    handovers/      a copy of every chair handover the root signed, by serial
    log.key         the transparency log's signing key (raw, 0600: the relay signs
                    tree heads unattended; see server_stub.transparency)
    venue-policy.bin  the root-signed policy pinning the log key and carrying the
                    venue's classification marking scheme (``set-markings``)

Passphrases come from the CORRIDOR_PASSPHRASE environment variable or a prompt.
Exit status: 0 success, 1 refused (a message on stderr), 2 bad usage (argparse).
The certificate logic is crypto.certs; this module only does files and prompts.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from crypto import certs
from crypto.certs import transparency
from crypto.certs.keyfile import STRENGTHS, open_key, seal_key
from crypto.corridor import markings
from crypto.corridor.charter import POLICY as CHANNEL_KINDS
from crypto.errors import CryptoError, DecodeError

from .transparency import LOG_KEY, POLICY

#: The longest validity a venue command signs (days; year 9999 is the end of X.509 time).
MAX_DAYS = 36_500

__all__ = ["HELP", "add_arguments", "main", "register", "run"]

#: The ``venue`` command's line in ``corridor-relay --help`` (server_stub.cli lists it).
HELP = ("the secretariat's venue root: create it, accredit missions, grant roles, "
        "revoke")

ROOT_KEY, ROOT_CERT, ROOT_CRL, ISSUED = "root.key", "root.pem", "root.crl.pem", "issued"
HANDOVERS = "handovers"  # a copy of every chair handover the root signed
ROOT_LABEL = "corridor-venue-root"
PASSPHRASE_ENV = "CORRIDOR_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
CRL_DAYS = 7


class CommandError(Exception):
    """A refusal the command line reports as ``error: ...`` with exit status 1."""


# --------------------------------------------------------------------------- file helpers


def _passphrase(prompt: str, *, confirm: bool) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        if not env:
            raise CommandError(f"{PASSPHRASE_ENV} is set but empty")
        return env
    first = getpass.getpass(prompt)
    if confirm:
        if len(first) < 8:
            raise CommandError("choose a passphrase of at least 8 characters")
        if getpass.getpass("repeat the passphrase: ") != first:
            raise CommandError("the passphrases differ")
    return first


def _write_new(path: Path, data: bytes, *, secret: bool = False) -> None:
    """Create ``path`` (never overwrite a key); secrets get mode 0600."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    fd = os.open(path, flags, 0o600 if secret else 0o644)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _replace(path: Path, data: bytes) -> None:
    """Write atomically (temp file + rename), so a crash leaves the old or the new file."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _write_out(path: Path, data: bytes) -> None:
    if path.exists():
        raise CommandError(f"{path} exists; refusing to overwrite")
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_new(path, data)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise CommandError(f"cannot read {path}: {e.strerror}") from None


def _der(data: bytes, kind: str, message: str) -> bytes:
    try:
        return certs.der_of(data, kind)
    except DecodeError:
        raise CommandError(message) from None


def _cert_der(data: bytes, what: str) -> bytes:
    return _der(data, "certificate", f"{what} is not a certificate")


def _crl_der(data: bytes) -> bytes:
    return _der(data, "crl", "not a CRL")


def _csr_der(data: bytes) -> bytes:
    return _der(data, "request", "not a certificate request")


def _emit(args: argparse.Namespace, data: Mapping[str, object], lines: Sequence[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, indent=2, sort_keys=True))
    else:
        for line in lines:
            print(line)


def _whole(limit: int, unit: str) -> Callable[[str], int]:
    """An argparse type for a whole number from 1 to ``limit`` (said with ``unit``)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not 1 <= value <= limit:
            raise argparse.ArgumentTypeError(f"{value} is out of range: 1 to {limit:,}{unit}")
        return value
    return parse


def _days(text: str) -> int:
    """Whole days (``365``) or a duration in days or weeks (``30d``, ``12w``), as the
    client's ``mission sign-device --days`` takes them."""
    t = text.strip().lower()
    if t[-1:] in ("d", "w") and t[:-1].isdigit():
        t = str(int(t[:-1]) * (7 if t.endswith("w") else 1))
    return _whole(MAX_DAYS, " days (100 years)")(t)


_hours = _whole(MAX_DAYS * 24, " hours")
_order = _whole(2**53, "")  # a handover's serial (the signed field's bound)


def _serial_arg(text: str) -> int:
    try:
        value = int(text, 16) if text.lower().startswith("0x") else int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a serial number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("serial numbers are positive")
    if value.bit_length() > 159:  # RFC 5280: at most 20 octets, positive
        raise argparse.ArgumentTypeError(f"{text} is too large for a certificate serial "
                                         "number (at most 20 bytes)")
    return value


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class _Root:
    """The venue root loaded from a data directory (key opened on demand)."""

    def __init__(self, data_dir: Path) -> None:
        self.dir = data_dir
        if not (data_dir / ROOT_CERT).exists():
            raise CommandError(f"no venue in {data_dir} (run `corridor-relay venue init`)")
        self.cert = _cert_der(_read(data_dir / ROOT_CERT), str(data_dir / ROOT_CERT))

    def seed(self) -> bytes:
        blob = _read(self.dir / ROOT_KEY)
        return open_key(blob, _passphrase("venue root passphrase: ", confirm=False),
                        label=ROOT_LABEL).secret

    def record(self, der: bytes) -> Path:
        issued = self.dir / ISSUED
        issued.mkdir(exist_ok=True)
        path = issued / f"{certs.certificate_serial(der):x}.pem"
        _write_new(path, certs.pem_of(der, "certificate"))
        return path


# --------------------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    if (data_dir / ROOT_KEY).exists() or (data_dir / ROOT_CERT).exists():
        raise CommandError(f"{data_dir} already holds a venue root; refusing to replace it")
    data_dir.mkdir(parents=True, exist_ok=True)
    passphrase = _passphrase("new venue root passphrase: ", confirm=True)
    seed = certs.new_signing_key()
    now = _now()
    root = certs.make_root_certificate(seed, name=args.name, not_before=now - timedelta(
        minutes=5), not_after=now + timedelta(days=args.days))
    _write_new(data_dir / ROOT_KEY, seal_key(seed, passphrase, label=ROOT_LABEL,
                                             strength=args.kdf), secret=True)
    _write_new(data_dir / ROOT_CERT, certs.pem_of(root, "certificate"))
    crl = certs.make_crl(root, seed, revoked=[], this_update=now,
                         next_update=now + timedelta(days=CRL_DAYS), number=1)
    _write_new(data_dir / ROOT_CRL, certs.pem_of(crl, "crl"))
    _make_log(data_dir, root, seed, now, _scheme(args, int(now.timestamp())))
    fp_hex, fp_words = certs.fingerprint_hex(root), certs.fingerprint_words(root)
    _emit(args, {"root": str(data_dir / ROOT_CERT), "crl": str(data_dir / ROOT_CRL),
                 "fingerprint_hex": fp_hex, "fingerprint_words": fp_words},
          [f"venue root created in {data_dir}",
           f"certificate: {data_dir / ROOT_CERT}",
           "fingerprint (SHA-256; give it to every mission out of band):",
           f"  {fp_hex}",
           f"  {fp_words}"])
    return 0


def _scheme_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--levels", default=None, metavar="A,B,C",
                   help="the venue's classification levels, lowest first, comma-separated "
                        "(without it: the default scheme, UNCLASSIFIED to SECRET)")
    p.add_argument("--caveat", action="append", default=[], metavar="NAME=KIND[,KIND]",
                   help="a caveat and the channel kinds it is allowed in (repeatable), "
                        "e.g. 'CAUCUS ONLY=caucus'")
    p.add_argument("--default-ceiling", default=None, metavar="LEVEL",
                   help="the ceiling of a channel whose charter names none (default: "
                        "the second level)")
    p.add_argument("--kind-ceiling", action="append", default=[], metavar="KIND=LEVEL",
                   help="no channel of KIND carries more than LEVEL (repeatable)")


def _pairs(items: Sequence[str], what: str) -> list[tuple[str, str]]:
    out = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise CommandError(f"{what} must be written NAME=VALUE, not {item!r}")
        out.append((name.strip(), value.strip()))
    return out


def _scheme(args: argparse.Namespace, issued_at: int) -> bytes:
    """The marking scheme the options ask for, encoded (b"" without ``--levels``)."""
    if not args.levels:
        if args.caveat or args.default_ceiling or args.kind_ceiling:
            raise CommandError("--levels is needed to set a marking scheme")
        return b""
    levels = tuple(x.strip().upper() for x in args.levels.split(",") if x.strip())
    if not levels:
        raise CommandError("--levels names no level")
    caveats = {n.upper(): tuple(k.strip() for k in v.split(",") if k.strip())
               for n, v in _pairs(args.caveat, "--caveat")}
    caps = {k: v.upper() for k, v in _pairs(args.kind_ceiling, "--kind-ceiling")}
    for kind in [k for ks in caveats.values() for k in ks] + list(caps):
        if kind not in CHANNEL_KINDS:
            raise CommandError(f"{kind!r} is not a channel kind ({', '.join(CHANNEL_KINDS)})")
    default = (args.default_ceiling or levels[min(1, len(levels) - 1)]).upper()
    try:
        return markings.encode_scheme(markings.MarkingScheme(
            levels=levels, caveats=caveats, default_ceiling=default, kind_ceilings=caps,
            issued_at=issued_at))
    except markings.MarkingError as exc:
        raise CommandError(f"marking scheme: {exc}") from None


def _scheme_lines(body: bytes) -> list[str]:
    s = markings.decode_scheme(body) if body else markings.DEFAULT_SCHEME
    lines = [("venue marking scheme" if body else "the default marking scheme") + ": "
             + " < ".join(s.levels), f"  default ceiling: {s.default_ceiling}"]
    lines += [f"  caveat {c}: {', '.join(k)}" for c, k in sorted(s.caveats.items())]
    lines += [f"  {k} channels: at most {v}" for k, v in sorted(s.kind_ceilings.items())]
    return lines


def _make_log(data_dir: Path, root_der: bytes, root_seed: bytes, now: datetime,
              scheme: bytes = b"") -> bytes:
    """A fresh log key and the root-signed policy naming it (and carrying ``scheme``);
    returns the log public key."""
    log_seed = certs.new_signing_key()
    log_pk = certs.public_key_of(log_seed)
    policy = transparency.sign_policy(root_seed, certs.fingerprint(root_der), log_pk,
                                      int(now.timestamp()), markings=scheme)
    _write_new(data_dir / LOG_KEY, log_seed, secret=True)
    _write_new(data_dir / POLICY, policy.encode())
    return log_pk


def cmd_enable_transparency(args: argparse.Namespace) -> int:
    root = _Root(Path(args.data_dir))
    if (root.dir / LOG_KEY).exists() or (root.dir / POLICY).exists():
        raise CommandError(f"{root.dir} already has a transparency log key")
    now = _now()
    scheme = _scheme(args, int(now.timestamp()))
    log_pk = _make_log(root.dir, root.cert, root.seed(), now, scheme)
    _emit(args, {"log_public_key": log_pk.hex(), "policy": str(root.dir / POLICY)},
          [f"transparency log key created: {root.dir / LOG_KEY}",
           f"venue policy signed by the root: {root.dir / POLICY}",
           f"log public key: {log_pk.hex()}",
           "restart the relay; clients pin the policy at their next sync"])
    return 0


def cmd_set_markings(args: argparse.Namespace) -> int:
    """Re-sign the venue policy with a new marking scheme (same log key, a later
    issue time: clients adopt it at their next sync and refuse the older one after)."""
    root = _Root(Path(args.data_dir))
    path = root.dir / POLICY
    if not path.exists():
        raise CommandError(f"{root.dir} has no venue policy: run enable-transparency first")
    try:
        old = transparency.VenuePolicy.decode(_read(path))
    except DecodeError:
        raise CommandError(f"{path} is not a venue policy") from None
    issued = max(int(_now().timestamp()), old.issued_at + 1)
    if not args.levels:
        raise CommandError("--levels is needed to set a marking scheme")
    scheme = _scheme(args, issued)
    policy = transparency.sign_policy(root.seed(), certs.fingerprint(root.cert),
                                      old.log_public_key, issued, markings=scheme)
    _replace(path, policy.encode())
    s = markings.decode_scheme(scheme)
    _emit(args, {"policy": str(path), "issued_at": issued, "levels": list(s.levels),
                 "default_ceiling": s.default_ceiling,
                 "caveats": {k: list(v) for k, v in s.caveats.items()},
                 "kind_ceilings": dict(s.kind_ceilings)},
          [f"venue policy re-signed by the root: {path} (issued {issued})",
           *_scheme_lines(scheme),
           "a running relay serves it at the next request for the policy (or at once "
           "on kill -HUP); clients adopt the scheme at their next sync"])
    return 0


def cmd_accredit(args: argparse.Namespace) -> int:
    root = _Root(Path(args.data_dir))
    if args.request:
        req = certs.read_request(_csr_der(_read(Path(args.request))), kind="mission")
        if (req.id, req.name) != (args.mission_id, args.name):
            raise CommandError(
                f"the request asks for mission {req.id!r} ({req.name!r}), not "
                f"{args.mission_id!r} ({args.name!r}); check with the mission"
            )
        public_key = req.public_key
    else:
        public_key = _public_key(_read(Path(args.public_key)))
    now = _now()
    der = certs.issue_mission_certificate(
        root.cert, root.seed(), public_key=public_key, mission_id=args.mission_id,
        name=args.name, not_before=now - timedelta(minutes=5),
        not_after=now + timedelta(days=args.days), observer=args.observer)
    out = Path(args.out)
    _write_out(out, certs.pem_of(der, "certificate"))
    root.record(der)
    serial = certs.certificate_serial(der)
    _emit(args, {"mission_id": args.mission_id, "name": args.name, "serial": serial,
                 "out": str(out), "observer": args.observer},
          [f"accredited {'observer' if args.observer else 'mission'} {args.mission_id} "
           f"({args.name}), serial {serial}",
           f"mission certificate: {out}",
           f"send it to the mission with {root.dir / ROOT_CERT} and the root fingerprint"])
    return 0


def _public_key(data: bytes) -> bytes:
    try:
        key = (serialization.load_pem_public_key(data) if b"-----BEGIN" in data
               else serialization.load_der_public_key(data))
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    except (ValueError, TypeError):
        raise CommandError("not an Ed25519 public key") from None


def cmd_grant_role(args: argparse.Namespace) -> int:
    if args.role == "convener" and not args.channel:
        raise CommandError("--role convener needs --channel")
    if args.role == "chair" and args.channel:
        raise CommandError("--role chair takes no --channel")
    root = _Root(Path(args.data_dir))
    now = _now()
    der = certs.issue_role_certificate(
        root.cert, root.seed(), role=args.role, channel=args.channel,
        delegate_id=args.delegate, mission_id=args.mission_id,
        not_before=now - timedelta(minutes=5), not_after=now + timedelta(hours=args.hours))
    out = Path(args.out)
    _write_out(out, certs.pem_of(der, "certificate"))
    root.record(der)
    serial = certs.certificate_serial(der)
    what = args.role + (f" of {args.channel}" if args.channel else "")
    _emit(args, {"role": args.role, "channel": args.channel, "delegate_id": args.delegate,
                 "mission_id": args.mission_id, "serial": serial, "out": str(out)},
          [f"granted {what} to {args.delegate} ({args.mission_id}) for {args.hours} h, "
           f"serial {serial}", f"role certificate: {out}"])
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    """The chair passes from one delegate to another at a moment: a statement signed by
    the root (crypto.corridor.handover) that every client checks against the root it
    pinned; any member forwards it to the channels (``corridor handover``)."""
    from crypto.corridor.handover import Handover, HandoverError, sign_handover, verify_handover

    root = _Root(Path(args.data_dir))
    role = _cert_der(_read(Path(args.role)), args.role)
    if args.at:
        try:
            at = datetime.fromisoformat(args.at)
        except ValueError:
            raise CommandError(f"--at {args.at!r} is not an ISO 8601 time") from None
        at = at if at.tzinfo else at.astimezone()
    else:
        at = _now()
    done = root.dir / HANDOVERS
    serial = args.serial if args.serial is not None else (
        len(list(done.glob("*.bin"))) + 1 if done.is_dir() else 1)
    try:
        data = sign_handover(root.cert, root.seed(), Handover(
            venue=certs.fingerprint(root.cert), serial=serial,
            at=int(at.timestamp() * 1000), outgoing=args.outgoing, incoming=args.incoming,
            incoming_role=role))
        verify_handover(root.cert, data)  # one no client would accept is never written
    except (HandoverError, ValueError) as exc:
        raise CommandError(f"handover refused: {exc}") from None
    out = Path(args.out)
    _write_out(out, data)
    done.mkdir(exist_ok=True)
    _write_new(done / f"{serial:06d}.bin", data)
    _emit(args, {"serial": serial, "at": at.isoformat(), "outgoing": args.outgoing,
                 "incoming": args.incoming, "out": str(out)},
          [f"handover {serial}: the chair passes from {args.outgoing} to {args.incoming} "
           f"at {at.isoformat()}", f"signed handover: {out} (members forward it with "
           "corridor handover CHANNEL FILE)"])
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    root = _Root(Path(args.data_dir))
    if args.cert:
        der = _cert_der(_read(Path(args.cert)), args.cert)
        issuer = x509.load_der_x509_certificate(der).issuer
        if issuer != x509.load_der_x509_certificate(root.cert).subject:
            raise CommandError("that certificate was not issued by this venue root "
                               "(a device is revoked by its mission: corridor mission "
                               "revoke-device)")
        serial = certs.certificate_serial(der)
    else:
        serial = args.serial
    crl_path = root.dir / ROOT_CRL
    old = _crl_der(_read(crl_path)) if crl_path.exists() else None
    entries = certs.crl_entries(old) if old else []
    number = (certs.crl_number(old) if old else 0) + 1
    now = _now()
    already = any(s == serial for s, _ in entries)
    if not already:
        entries.append((serial, now))
    crl = certs.make_crl(root.cert, root.seed(), revoked=entries, this_update=now,
                         next_update=now + timedelta(days=CRL_DAYS), number=number)
    _replace(crl_path, certs.pem_of(crl, "crl"))
    _emit(args, {"serial": serial, "already_revoked": already, "crl": str(crl_path),
                 "crl_number": number, "revoked": [s for s, _ in entries]},
          [f"serial {serial} {'was already' if already else 'is now'} revoked",
           f"root CRL #{number} ({len(entries)} entries): {crl_path}"])
    return 0


# --------------------------------------------------------------------------- parser


def _run(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except (CommandError, CryptoError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        except OSError as e:
            print(f"error: {e.strerror or e}: {e.filename or ''}".rstrip(": "), file=sys.stderr)
            return 1
        except Exception as e:  # a bug: said in a sentence, the traceback on request
            if os.environ.get("CORRIDOR_DEBUG") == "1":
                raise
            print(f"error: internal error ({type(e).__name__}): {e}. Please report it; "
                  "CORRIDOR_DEBUG=1 shows the details.", file=sys.stderr)
            return 70
    return wrapped


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add ``venue`` and its subcommands; each sets ``func(args) -> exit status``."""
    venue = subparsers.add_parser(
        "venue", help="the venue root: create, accredit, revoke, hand over the chair",
        description="The secretariat's venue-root commands.")
    add_arguments(venue)
    return venue


def add_arguments(venue: argparse.ArgumentParser) -> None:
    """Fill the ``venue`` parser with its subcommands (the hook server_stub.cli calls)."""
    venue.description = venue.description or "The secretariat's venue-root commands."
    sub = venue.add_subparsers(dest="venue_command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", required=True, help="the relay's data directory")
        p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("init", help="create the venue root key and certificate",
                       description="Create the venue root (passphrase-protected key, "
                                   "self-signed certificate, empty CRL) and print its "
                                   "fingerprint in hex and words.")
    common(p)
    p.add_argument("--name", default="Corridor venue", help="the venue's name")
    p.add_argument("--days", type=_days, default=3650,
                   help=f"validity in days, or 52w (default 3650; at most {MAX_DAYS:,})")
    p.add_argument("--kdf", choices=sorted(STRENGTHS), default="moderate",
                   help="Argon2id cost of the key file (default moderate)")
    _scheme_arguments(p)
    p.set_defaults(func=_run(cmd_init))

    p = sub.add_parser("enable-transparency", help="add a transparency log to a venue",
                       description="Create the log key and the venue policy (signed by "
                                   "the root) that pins it, for a venue made before key "
                                   "transparency; new venues get them from init.")
    common(p)
    _scheme_arguments(p)
    p.set_defaults(func=_run(cmd_enable_transparency))

    p = sub.add_parser("set-markings", help="set the venue's classification marking scheme",
                       description="Re-sign the venue policy (root passphrase) with a "
                                   "marking scheme: levels lowest first, caveats and the "
                                   "channel kinds each is allowed in, the default ceiling "
                                   "and a ceiling per channel kind. Every device uses it "
                                   "from its next sync; an older policy is refused.")
    common(p)
    _scheme_arguments(p)
    p.set_defaults(func=_run(cmd_set_markings))

    p = sub.add_parser("accredit-mission", help="issue a mission certificate",
                       description="Sign a mission's key: an intermediate CA (path length "
                                   "0) for one mission id and name.")
    common(p)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--request", help="the mission's request (from corridor mission init)")
    src.add_argument("--public-key", help="the mission's Ed25519 public key (PEM)")
    p.add_argument("--mission-id", required=True)
    p.add_argument("--name", required=True, help="the mission's name")
    p.add_argument("--days", type=_days, default=365,
                   help=f"validity in days, or 52w (default 365; at most {MAX_DAYS:,})")
    p.add_argument("--out", required=True, help="where to write the certificate (PEM)")
    p.add_argument("--observer", action="store_true",
                   help="accredit an observer (partner state, track-2 participant): it never "
                        "breaks silence, signs off, votes or joins a caucus")
    p.set_defaults(func=_run(cmd_accredit))

    p = sub.add_parser("grant-role", help="issue a short-lived role certificate",
                       description="Name the chair, or a convener of a channel.")
    common(p)
    p.add_argument("--role", choices=certs.ROLES, required=True)
    p.add_argument("--channel", help="the channel (convener only)")
    p.add_argument("--delegate", required=True, help="the delegate id")
    p.add_argument("--mission-id", required=True)
    p.add_argument("--hours", type=_hours, default=24, help="validity (default 24)")
    p.add_argument("--out", required=True, help="where to write the certificate (PEM)")
    p.set_defaults(func=_run(cmd_grant_role))

    p = sub.add_parser("handover", help="pass the chair from one delegate to another",
                       description="Sign a chair handover: from the moment given (default "
                                   "now) the incoming chair holds the office in every "
                                   "channel whose charter names the chair, and the "
                                   "outgoing chair no longer does.")
    common(p)
    p.add_argument("--from", dest="outgoing", required=True, metavar="MISSION/DELEGATE")
    p.add_argument("--to", dest="incoming", required=True, metavar="MISSION/DELEGATE")
    p.add_argument("--role", required=True,
                   help="the incoming chair's role certificate (from grant-role)")
    p.add_argument("--at", default=None, help="ISO 8601 time it takes effect (default now)")
    p.add_argument("--serial", type=_order, default=None,
                   help="orders handovers of one moment (default: the next number)")
    p.add_argument("--out", required=True, help="where to write the signed handover")
    p.set_defaults(func=_run(cmd_handover))

    p = sub.add_parser("revoke", help="revoke a mission or role certificate",
                       description="Add a serial to the root's CRL and re-sign it.")
    common(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--serial", type=_serial_arg, help="serial (decimal or 0x-hex)")
    which.add_argument("--cert", help="the certificate to revoke (PEM)")
    p.set_defaults(func=_run(cmd_revoke))

    from .tls import add_tls_cert_arguments, cmd_tls_cert

    p = sub.add_parser("tls-cert", help="issue the relay's TLS certificate",
                       description="A TLS server certificate (ECDSA P-256) for the relay's "
                                   "host names, under the venue root clients pin.")
    common(p)
    add_tls_cert_arguments(p)
    p.set_defaults(func=_run(cmd_tls_cert))


def run(args: argparse.Namespace) -> int:
    """Dispatch a parsed ``venue`` command (the hook server_stub.cli calls)."""
    result: int = args.func(args)
    return result




def main(argv: Sequence[str] | None = None) -> int:
    """Run the venue commands alone (``python -m server_stub.venue venue init ...``)."""
    parser = argparse.ArgumentParser(prog="corridor-relay")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
