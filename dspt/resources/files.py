"""Which uploaded files a support organisation may publish: PDF, Word, Excel and PowerPoint, judged by content and
size with dspt/lib/uploads (a web page renamed .pdf is refused), never by the name alone.

dspt/lib/uploads knows PDF, Word and Excel; PowerPoint (.pptx, a zip archive like Word's; .ppt, the older
compound-file format like .doc) is recognised here with the same limits, from the archive's directory only.
"""

import zipfile
from pathlib import Path

from django.conf import settings

from dspt.lib import uploads

PPTX = uploads.Kind(
    "PowerPoint presentation",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
PPT = uploads.Kind("PowerPoint presentation (older format)", "application/vnd.ms-powerpoint", (".ppt",))
ACCEPTED = (uploads.PDF, uploads.DOCX, uploads.XLSX, uploads.OLD_OFFICE, PPTX, PPT)
ACCEPTED_DESCRIPTION = "a PDF, Word, Excel or PowerPoint file"

Refused = uploads.Refused


def _checked_size(uploaded) -> str:
    name = uploaded.name or "file"
    limit = settings.UPLOAD_MAX_BYTES
    if uploaded.size == 0:
        raise Refused(f"{name} is empty")
    if uploaded.size > limit:
        raise Refused(f"{name} is larger than {limit // (1024 * 1024)} MB. Make it smaller or give a link instead")
    return name


def _looks_like_pptx(handle) -> bool:
    """From the archive's directory alone: a plausible size, and the parts a presentation has."""
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
    if len(infos) > uploads.ZIP_MAX_ENTRIES:
        return False
    if sum(info.file_size for info in infos) > uploads.ZIP_MAX_UNPACKED_BYTES:
        return False
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > uploads.ZIP_MAX_RATIO * max(info.compress_size, 1):
            return False
    names = {info.filename for info in infos}
    return "[Content_Types].xml" in names and any(name.startswith("ppt/") for name in names)


def _powerpoint(uploaded, name: str, extension: str) -> uploads.Kind:
    uploaded.seek(0)
    head = uploaded.read(16)
    handle = uploaded.file if hasattr(uploaded, "file") else uploaded
    try:
        if extension == ".ppt" and head.startswith(uploads.OLE):
            return PPT
        if extension == ".pptx" and head.startswith(b"PK\x03\x04"):
            handle.seek(0)
            try:
                if _looks_like_pptx(handle):
                    return PPTX
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError):
                pass
    finally:
        uploaded.seek(0)
    raise Refused(f"{name} is named like a {extension} file but is not a PowerPoint presentation")


def check(uploaded) -> uploads.Kind:
    """The kind of an acceptable upload, or Refused with a message that says what to do."""
    name = _checked_size(uploaded)
    extension = Path(name).suffix.lower()
    if extension in (".pptx", ".ppt"):
        return _powerpoint(uploaded, name, extension)
    try:
        kind = uploads.check(uploaded)
    except Refused as refused:
        if f"must be {uploads.ACCEPTED_DESCRIPTION}" in str(refused):
            raise Refused(f"{name} must be {ACCEPTED_DESCRIPTION}") from refused
        raise
    if kind not in ACCEPTED:
        raise Refused(f"{name} is a {kind.label}: it must be {ACCEPTED_DESCRIPTION}")
    return kind
