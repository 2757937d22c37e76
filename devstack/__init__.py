"""Shared services run locally as child processes: PostgreSQL and an S3 server (SeaweedFS).

The tests and the multi-host rehearsal (`make cluster`) start them on free loopback ports
in folders of their own and tear them down at the end; production runs the real thing.
"""
