# SPDX-License-Identifier: Apache-2.0
"""Widgets and windows of the desktop app."""
