"""Settings shared by every environment. Secure by default; everything that differs between
machines is read from the environment (see `.env.example` and docs/operations.md).

The settings themselves are in `parts/`, one module per concern, included here in order.
`dev.py`, `test.py`, `production.py` and `bench.py` each derive from this module, never from
each other.
"""

from .env import *  # noqa: F403
from .parts.accounts import *  # noqa: F403
from .parts.core import *  # noqa: F403
from .parts.data import *  # noqa: F403
from .parts.files import *  # noqa: F403
from .parts.i18n import *  # noqa: F403
from .parts.monitoring import *  # noqa: F403
from .parts.platform import *  # noqa: F403
from .parts.security import *  # noqa: F403
from .parts.tasks import *  # noqa: F403
from .parts.wagtail import *  # noqa: F403
