# SPDX-License-Identifier: Apache-2.0
"""Checker for ``transcript-hashes.json``: confirmed/interim hashes and tag (§8.2)."""

from __future__ import annotations

from crypto.conformance import Case, vector_file
from crypto.errors import VerificationError
from crypto.messages import AuthenticatedContent, ContentType
from crypto.schedule.transcript import update_transcript
from crypto.suites import get_suite


def _h(value: str) -> bytes:
    return bytes.fromhex(value)


@vector_file("transcript-hashes.json")
def check(case: Case) -> None:
    suite = get_suite(case["cipher_suite"])
    ac = AuthenticatedContent.from_bytes(_h(case["authenticated_content"]))
    if ac.content.content_type != ContentType.commit or ac.auth.confirmation_tag is None:
        raise VerificationError("authenticated_content is not a commit")
    confirmed, interim = update_transcript(suite, _h(case["interim_transcript_hash_before"]), ac)
    if confirmed != _h(case["confirmed_transcript_hash_after"]):
        raise VerificationError("confirmed transcript hash differs from the vector")
    if interim != _h(case["interim_transcript_hash_after"]):
        raise VerificationError("interim transcript hash differs from the vector")
    suite.verify_mac(_h(case["confirmation_key"]), confirmed, ac.auth.confirmation_tag)
