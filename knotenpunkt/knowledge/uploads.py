"""Which files the knowledge base accepts: an allow-list by extension, confirmed by the content.

The browser's content type is not trusted: the type we store and serve comes
from this table, and the first bytes of the file must match it.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from knotenpunkt.core.errors import DomainError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class FileKind:
    content_type: str
    check: str  # how the content is confirmed: a check function's name below


PDF, PNG, JPEG, TEXT, OOXML, ODF = "pdf", "png", "jpeg", "text", "ooxml", "odf"

ALLOWED: dict[str, FileKind] = {
    "pdf": FileKind("application/pdf", PDF),
    "png": FileKind("image/png", PNG),
    "jpg": FileKind("image/jpeg", JPEG),
    "jpeg": FileKind("image/jpeg", JPEG),
    "txt": FileKind("text/plain", TEXT),
    "csv": FileKind("text/csv", TEXT),
    "md": FileKind("text/markdown", TEXT),
    "docx": FileKind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", OOXML
    ),
    "xlsx": FileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", OOXML),
    "pptx": FileKind(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", OOXML
    ),
    "odt": FileKind("application/vnd.oasis.opendocument.text", ODF),
    "ods": FileKind("application/vnd.oasis.opendocument.spreadsheet", ODF),
    "odp": FileKind("application/vnd.oasis.opendocument.presentation", ODF),
}
MAGIC = {PDF: b"%PDF-", PNG: b"\x89PNG\r\n\x1a\n", JPEG: b"\xff\xd8\xff"}


def max_bytes() -> int:
    return getattr(settings, "KNOTENPUNKT_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def allowed_extensions() -> str:
    return ", ".join(sorted(ALLOWED))


def _zip_matches(upload, kind: FileKind) -> bool:
    """Office files are zip archives; the archive's own index says which kind it is."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if kind.check == OOXML:
                return "[Content_Types].xml" in names
            if "mimetype" not in names:
                return False
            return archive.read("mimetype").strip() == kind.content_type.encode()
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


def _content_matches(upload, kind: FileKind) -> bool:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    if kind.check in MAGIC:
        return head.startswith(MAGIC[kind.check])
    if kind.check == TEXT:
        return b"\x00" not in head
    return head.startswith(b"PK\x03\x04") and _zip_matches(upload, kind)


def checked_upload(upload) -> tuple[str, FileKind]:
    """(safe file name, kind) of an acceptable upload; a DomainError on the `file` field if not."""
    if upload is None:
        raise DomainError(_("Choose a file to upload."), field="file")
    name = PurePath(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = ALLOWED.get(extension)
    if kind is None:
        raise DomainError(
            _("Files of this type cannot be uploaded. Allowed are: %(types)s.")
            % {"types": allowed_extensions()},
            field="file",
        )
    if not upload.size:
        raise DomainError(_("The file is empty."), field="file")
    if upload.size > max_bytes():
        raise DomainError(
            _("The file is too large (%(size)s). Files can be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
            field="file",
        )
    if not _content_matches(upload, kind):
        raise DomainError(
            _("The content of the file does not match its type (.%(extension)s).")
            % {"extension": extension},
            field="file",
        )
    upload.seek(0)
    safe = get_valid_filename(name)[-150:] or f"document.{extension}"
    return safe, kind
