"""ComfyUI behind the visual provider interface: `client` speaks ComfyUI's HTTP protocol,
`graph` fills a user's API-format workflow file from a shot, `provider` joins the two."""
