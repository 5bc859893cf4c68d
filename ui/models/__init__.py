# SPDX-License-Identifier: Apache-2.0
"""Qt item models over the client core's view-model adapter (ui.adapter)."""
