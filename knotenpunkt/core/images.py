"""The one rule for uploaded pictures (event images, the network's logo)."""

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .errors import DomainError

IMAGE_MAX_BYTES = 5 * 1024 * 1024
IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def check_image(image, *, field: str) -> None:
    """Only real raster images of at most 5 MB; the browser's claimed type is not trusted."""
    if image.size > IMAGE_MAX_BYTES:
        raise DomainError(_("The image may be at most 5 MB."), field=field)
    try:
        image.seek(0)
        with Image.open(image) as picture:
            kind = picture.format
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise DomainError(_("The file is not an image we can show."), field=field) from error
    finally:
        image.seek(0)
    if kind not in IMAGE_FORMATS:
        raise DomainError(_("Upload a JPEG, PNG, GIF or WebP image."), field=field)
