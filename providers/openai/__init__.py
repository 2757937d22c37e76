"""OpenAI-compatible services (OpenAI and the many servers that speak its API shape):
`images` for pictures (/v1/images/generations, /v1/images/edits), `speech` for voices
(/v1/audio/speech). `service` holds the base URL, model and key, and the calls."""
