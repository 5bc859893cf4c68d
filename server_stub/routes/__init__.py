"""HTTP and WebSocket endpoints; :data:`.http.ENDPOINTS` also generates the OpenAPI document."""
