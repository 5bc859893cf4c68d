# SPDX-License-Identifier: Apache-2.0
"""HTTP and WebSocket endpoints; :data:`.http.ENDPOINTS` also generates the OpenAPI document."""
