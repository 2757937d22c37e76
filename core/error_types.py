"""Every error type a client can act on: one enum for workflows, activities and the API.

A workflow or activity raises `ApplicationError(..., type=ErrorType.X)`; the API maps each
type to an HTTP status in one table (api/problems.py) and shows it as the problem's `code`.
Values are the names clients already switch on; never compare messages, compare these.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorType(StrEnum):
    INVALID_SCRIPT = "InvalidScript"  # the script does not parse: fix it, do not retry
    INVALID_INPUT = "InvalidInput"  # a payload or option the system cannot use
    INVALID_OPTION = "InvalidOption"  # one option is wrong; the problem names its field
    CONTENT_REFUSED = "ContentRefused"  # the content policy refused lines of the script
    MEDIA_CHECK_FAILED = "MediaCheckFailed"  # a rendered file is not what was asked for
    SHOT_FAILED = "ShotFailed"  # a shot failed every attempt: fails the film
    FILM_FAILED = "FilmFailed"  # a film-level stage (score, compose, publish) failed
    INSUFFICIENT_CREDITS = "InsufficientCredits"  # the tenant cannot pay for the film
    UNKNOWN_SHOT = "UnknownShot"  # a revision names a shot the film does not have
    NOT_REVISABLE = "NotRevisable"  # the film is not open for revisions (yet, or any more)
    JOB_NOT_FOUND = "JobNotFound"
    NOT_READY = "NotReady"  # the film is not published yet
    RATE_LIMITED = "RateLimited"  # a provider (or the API's per-tenant limit) says slow down
    PROVIDER_UNAVAILABLE = "ProviderUnavailable"
    QUOTA_EXCEEDED = "QuotaExceeded"
    TEMPORAL_UNAVAILABLE = "TemporalUnavailable"  # the API cannot reach Temporal: 503
    DATABASE_UNAVAILABLE = "DatabaseUnavailable"  # the API cannot reach its database: 503
    # Answers of the HTTP layer itself (api/problems.py gives each its status)
    MALFORMED_BODY = "MalformedBody"  # the body is not UTF-8 JSON
    INVALID_REQUEST = "InvalidRequest"  # a field of the request fails its schema
    UNAUTHENTICATED = "Unauthenticated"  # no API key, or not a valid one
    NOT_FOUND = "NotFound"  # no such route or file
    METHOD_NOT_ALLOWED = "MethodNotAllowed"
    REQUEST_TIMEOUT = "RequestTimeout"  # the body did not arrive in time
    CONFLICT = "Conflict"  # the run will not take this now (paused, closed, busy)
    BODY_TOO_LARGE = "BodyTooLarge"
    UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType"  # a body that is not application/json
    RANGE_NOT_SATISFIABLE = "RangeNotSatisfiable"  # a file's Range header it cannot serve
    TOO_MANY_FILMS = "TooManyFilmsInFlight"  # the tenant's films in flight are at the limit
    INTERNAL_ERROR = "InternalError"  # a bug: never on purpose
    # A remote provider refused the work for good; retrying the same request cannot help.
    PROVIDER_REJECTED = "ProviderRejected"  # 400: the provider says the request is wrong
    PROVIDER_AUTH_FAILED = "ProviderAuthFailed"  # 401/403: the key is missing or not allowed
    PROVIDER_REFUSED = "ProviderRefused"  # the provider's content policy refused the prompt
    PROVIDER_OUTPUT_UNUSABLE = "ProviderOutputUnusable"  # not an image, wrong size, no audio
    PROVIDER_NODE_ERROR = "ProviderNodeError"  # a ComfyUI workflow node failed validation
