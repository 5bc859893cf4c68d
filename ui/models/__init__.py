"""Qt item models over the client core's view-model adapter (client.ui_support)."""
