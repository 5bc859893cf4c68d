# SPDX-License-Identifier: Apache-2.0
"""The MLS group: an epoch state machine (RFC 9420 sections 8, 10, 11, 12).

::

    Group.create ─┐                    process(commit) ─> StagedCommit ─┐
    Group.join ───┼─> Group @ epoch n ─┤                                ├─> merge_staged_commit
    join_external ┘      │   ▲         commit(...) ─> pending commit ───┤   merge_pending_commit
                         │   └──────── discard_pending_commit ◄─────────┘
                         └── encrypt_application / process(app) / propose_* / export_secret

Every operation that can fail works on copies (the tree is immutable, the secret
tree is copied, the private path keys are a fresh mapping) and swaps them in only
when every check of section 12.4.2 (commits) or 12.4.3 (Welcome) has passed, so a
typed error always leaves the group exactly as it was (``to_bytes()`` is equal).

The application's Authentication Service is an identity provider
(:class:`~crypto.group.validation.IdentityProvider`, passed as ``credential_validator``; a
plain ``(credential, signature_key)`` callable still works): ``validate_member`` sees
every credential the group meets (KeyPackages added, every leaf of a joined tree,
leaves of UpdatePaths and Update proposals, external joiners),
``validate_external_sender`` every ``external_senders`` entry, and
``valid_successor(old, new)`` every leaf that replaces another (Update, commit path,
external resync); a refusal is a :class:`~crypto.errors.PolicyError`. The rules
themselves live in :mod:`crypto.group.validation` (see ``docs/mls-validation.md``).

Whose fault a refused commit is (THREATS 12). Once a commit has *authenticated* (its
FramedContent signature verified under the sender's leaf key, inside a PrivateMessage
whose AEAD opened with this epoch's keys or a PublicMessage whose membership tag
verified), the relay neither made nor altered it. A later check that every member at
this epoch makes on the same public inputs (the commit's bytes, the tree, the group
context, the ``now`` the caller passes: Corridor's engine passes the commit's own
signed timestamp) gives the same verdict everywhere, and its failure is raised as
:class:`~crypto.errors.InvalidCommitError` with the committer's leaf index (a
subclass that is also the original VerificationError / DecodeError where it was one):

* verifiable by all: a missing confirmation tag, a sender that may not commit, the
  proposal list (sections 12.2, 12.4.2: inline proposals' validity, duplicates,
  Update/Remove of the committer, Remove of a blank leaf, Add of a present client,
  required path missing, capabilities), the UpdatePath's shape (node and ciphertext
  counts, repeated keys), its leaf node (source, signature, capabilities) and its
  parent hash, a commit leaf keeping its encryption key, and the confirmation tag
  when no external PSK is used: every member that decrypted its path secret checked
  that it derives the UpdatePath's public keys up to the root, so all of them hold
  the same commit secret (and the same init secret and resumption PSKs);
* local, left as plain errors: a referenced proposal we never received, a PSK we do
  not hold (or an external PSK's value, so then the tag too), and decrypting our own
  path secret (HPKE failure, wrong length, a derived key that does not match): the
  committer may have encrypted garbage to some members only, and a member cannot
  prove to the others what it received. Members removed by the commit cannot check
  the tag at all. A malformed or badly signed message (before authentication) may be
  the relay's damage and stays a plain VerificationError / DecodeError / ProtocolError.

Key deletion (sections 9.2, 14). A message key is deleted once its message
authenticated (:mod:`crypto.schedule.secret_tree`); an epoch keeps only the secrets it still
needs (:meth:`~crypto.schedule.key_schedule.EpochSecrets.retained`: the epoch, joiner,
welcome and encryption secrets are gone once its secret tree exists), and so does
what :meth:`Group.to_bytes` stores. Out-of-order messages are bounded by a
:class:`GroupConfig`: ``out_of_order_tolerance`` skipped keys per sender,
``maximum_forward_distance`` generations ahead, and ``max_past_epochs`` earlier
epochs whose application messages still open (their secret trees and sender-data
secrets only: nothing that derives a later or an earlier epoch). A message of any
other epoch is an :class:`~crypto.errors.EpochError`; past epochs otherwise keep only
their resumption PSKs (a bounded number, for PSK proposals).

After a commit with a ReInit (section 12.1.5) the group is closed: it sends nothing
more and refuses what it receives; :meth:`Group.resume` continues it as the ReInit
says.

Modules, each building on the ones before: ``validation`` (the rules on public
inputs), ``state`` (results, GroupConfig, the epoch state and its storage),
``external_init`` (section 8.3), ``base`` (accessors and framing), ``receive``
(proposals and commits received), ``commit`` (proposals and commits made),
``parts`` (the state in two parts: an epoch part, and the secret trees an application
message changes, bound to it) and ``mls_group`` (:class:`Group`: create, join,
external join, resume, store);
``public_group`` follows a group from its public state alone.
"""

from crypto.group.mls_group import Group
from crypto.group.state import (
    COMMIT_REF_EXTENSION,
    ApplicationMessage,
    CommitOutput,
    EpochChange,
    GroupConfig,
    Member,
    StagedCommit,
    StoredProposal,
)
from crypto.group.validation import IdentityProvider
from crypto.messages.key_package import CredentialValidator, KeyPackageBundle, make_key_package

__all__ = [
    "COMMIT_REF_EXTENSION",
    "ApplicationMessage",
    "CommitOutput",
    "CredentialValidator",
    "EpochChange",
    "Group",
    "GroupConfig",
    "IdentityProvider",
    "KeyPackageBundle",
    "Member",
    "StagedCommit",
    "StoredProposal",
    "make_key_package",
]
