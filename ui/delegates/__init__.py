# SPDX-License-Identifier: Apache-2.0
"""Item delegates: they paint rows; views stay thin."""
