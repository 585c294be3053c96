// Utility modules with no database code at all (about 40% of a real backend): text and date helpers,
// decorators, small classes, config parsing, HTTP clients, lookup tables. Some use words a naive
// prefilter would trip on (`session`, `.query(`, `async def`) without touching SQLAlchemy.

import { claim, fill, Maker, maybeComment, mergeImports, targetLines } from './common';
import { NOUNS, pascal, plural } from './names';
import { Rng } from './random';
import { PyWriter } from './writer';

type Snippet = (w: PyWriter, tag: string, imports: Set<string>, rng: Rng) => void;

const SNIPPETS: readonly (readonly [string, Snippet])[] = [
  ['slugify', (w, tag, imports) => {
    imports.add('import re').add('import unicodedata');
    w.block(`def slugify_${tag}(value: str, max_length: int = 64) -> str`, () => {
      w.docstring('ASCII slug: "Crème brûlée — 2024" → "creme-brulee-2024".');
      w.line('normalized = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")');
      w.line('slug = re.sub(r"[^a-z0-9]+", "-", normalized.lower()).strip("-")');
      w.line('return slug[:max_length].rstrip("-")');
    });
  }],
  ['chunked', (w, tag, imports) => {
    imports.add('from typing import Iterable, Iterator, List, TypeVar');
    w.line(`T_${tag} = TypeVar("T_${tag}")`);
    w.blank(2);
    w.block(`def chunked_${tag}(items: Iterable[T_${tag}], size: int) -> Iterator[List[T_${tag}]]`, () => {
      w.block('if size <= 0', () => w.line('raise ValueError("size must be positive")'));
      w.line(`batch: List[T_${tag}] = []`);
      w.block('for item in items', () => {
        w.line('batch.append(item)');
        w.block('if len(batch) == size', () => {
          w.line('yield batch');
          w.line('batch = []');
        });
      });
      w.block('if batch', () => w.line('yield batch'));
    });
  }],
  ['retry', (w, tag, imports) => {
    imports.add('import functools').add('import logging').add('import time').add('from typing import Callable, Tuple, Type');
    w.block(`def retry_${tag}(attempts: int = 3, delay: float = 0.5, exceptions: Tuple[Type[BaseException], ...] = (Exception,))`, () => {
      w.docstring('Retries the wrapped call with exponential backoff.');
      w.blank();
      w.block('def decorator(func: Callable)', () => {
        w.line('@functools.wraps(func)');
        w.block('def wrapper(*args, **kwargs)', () => {
          w.line('wait = delay');
          w.block('for attempt in range(1, attempts + 1)', () => {
            w.block('try', () => w.line('return func(*args, **kwargs)'));
            w.block('except exceptions as exc', () => {
              w.block('if attempt == attempts', () => w.line('raise'));
              w.line('logging.getLogger(__name__).warning("attempt %d failed: %s", attempt, exc)');
              w.line('time.sleep(wait)');
              w.line('wait *= 2');
            });
          });
        });
        w.blank();
        w.line('return wrapper');
      });
      w.blank();
      w.line('return decorator');
    });
  }],
  ['memoize', (w, tag, imports) => {
    imports.add('import functools').add('from typing import Any, Callable, Dict, Tuple');
    w.block(`def memoize_${tag}(func: Callable) -> Callable`, () => {
      w.line('cache: Dict[Tuple[Any, ...], Any] = {}');
      w.blank();
      w.line('@functools.wraps(func)');
      w.block('def wrapper(*args)', () => {
        w.block('if args not in cache', () => w.line('cache[args] = func(*args)'));
        w.line('return cache[args]');
      });
      w.blank();
      w.line('wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]');
      w.line('return wrapper');
    });
  }],
  ['settings', (w, tag, imports) => {
    imports.add('import os').add('from dataclasses import dataclass, field').add('from typing import List');
    const cls = `${pascal(tag)}Settings`;
    w.line('@dataclass(frozen=True)');
    w.block(`class ${cls}`, () => {
      w.line(`base_url: str = "https://${tag.replace(/_/g, '-')}.internal.example.com"`);
      w.line('timeout_seconds: float = 10.0');
      w.line('max_retries: int = 3');
      w.line('verify_tls: bool = True');
      w.line('allowed_hosts: List[str] = field(default_factory=lambda: ["localhost"])');
      w.blank();
      w.line('@classmethod');
      w.block(`def from_env(cls, prefix: str = "${tag.toUpperCase()}_") -> "${cls}"`, () => {
        w.line('env = os.environ');
        w.line('return cls(');
        w.line('    base_url=env.get(prefix + "BASE_URL", cls.base_url),');
        w.line('    timeout_seconds=float(env.get(prefix + "TIMEOUT", cls.timeout_seconds)),');
        w.line('    max_retries=int(env.get(prefix + "RETRIES", cls.max_retries)),');
        w.line('    verify_tls=env.get(prefix + "VERIFY_TLS", "1") not in ("0", "false", "no"),');
        w.line('    allowed_hosts=[h for h in env.get(prefix + "HOSTS", "localhost").split(",") if h],');
        w.line(')');
      });
    });
  }],
  ['enum', (w, tag, imports) => {
    imports.add('from enum import Enum');
    const cls = `${pascal(tag)}State`;
    w.block(`class ${cls}(str, Enum)`, () => {
      for (const s of ['draft', 'submitted', 'approved', 'rejected', 'cancelled']) w.line(`${s.toUpperCase()} = "${s}"`);
      w.blank();
      w.line('@property');
      w.block('def is_final(self) -> bool', () => w.line(`return self in (${cls}.APPROVED, ${cls}.REJECTED, ${cls}.CANCELLED)`));
      w.blank();
      w.block(`def can_move_to(self, other: "${cls}") -> bool`, () => {
        w.line('allowed = {');
        w.line(`    ${cls}.DRAFT: {${cls}.SUBMITTED, ${cls}.CANCELLED},`);
        w.line(`    ${cls}.SUBMITTED: {${cls}.APPROVED, ${cls}.REJECTED},`);
        w.line('}');
        w.line('return other in allowed.get(self, set())');
      });
    });
  }],
  ['duration', (w, tag, imports) => {
    imports.add('import re').add('from datetime import timedelta');
    w.line(`_DURATION_${tag.toUpperCase()} = re.compile(r"^(?:(?P<d>\\d+)d)?(?:(?P<h>\\d+)h)?(?:(?P<m>\\d+)m)?(?:(?P<s>\\d+)s)?$")`);
    w.blank(2);
    w.block(`def parse_duration_${tag}(text: str) -> timedelta`, () => {
      w.line(`match = _DURATION_${tag.toUpperCase()}.match(text.strip())`);
      w.block('if not match or not text.strip()', () => w.line('raise ValueError(f"not a duration: {text!r}")'));
      w.line('parts = {k: int(v) for k, v in match.groupdict().items() if v}');
      w.line('return timedelta(days=parts.get("d", 0), hours=parts.get("h", 0), minutes=parts.get("m", 0), seconds=parts.get("s", 0))');
    });
  }],
  ['money', (w, tag, imports) => {
    imports.add('from decimal import ROUND_HALF_UP, Decimal');
    w.line(`SYMBOLS_${tag.toUpperCase()} = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}`);
    w.blank(2);
    w.block(`def format_money_${tag}(amount: Decimal, currency: str = "EUR") -> str`, () => {
      w.line('quantized = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)');
      w.line(`symbol = SYMBOLS_${tag.toUpperCase()}.get(currency, currency + " ")`);
      w.line('sign = "-" if quantized < 0 else ""');
      w.line('return f"{sign}{symbol}{abs(quantized):,.2f}"');
    });
  }],
  ['csv', (w, tag, imports) => {
    imports.add('import csv').add('import io').add('from typing import Any, Dict, Iterable, List');
    w.block(`def rows_to_csv_${tag}(rows: Iterable[Dict[str, Any]], columns: List[str]) -> str`, () => {
      w.line('buffer = io.StringIO()');
      w.line('writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")');
      w.line('writer.writeheader()');
      w.block('for row in rows', () => w.line('writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})'));
      w.line('return buffer.getvalue()');
    });
  }],
  ['json', (w, tag, imports) => {
    imports.add('import json').add('from datetime import date, datetime').add('from decimal import Decimal').add('from uuid import UUID');
    w.block(`class ${pascal(tag)}JSONEncoder(json.JSONEncoder)`, () => {
      w.block('def default(self, o)', () => {
        w.block('if isinstance(o, (datetime, date))', () => w.line('return o.isoformat()'));
        w.block('if isinstance(o, Decimal)', () => w.line('return str(o)'));
        w.block('if isinstance(o, UUID)', () => w.line('return o.hex'));
        w.block('if hasattr(o, "to_dict")', () => w.line('return o.to_dict()'));
        w.line('return super().default(o)');
      });
    });
  }],
  ['validators', (w, tag, imports) => {
    imports.add('import re');
    w.line(`EMAIL_RE_${tag.toUpperCase()} = re.compile(r"^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", re.IGNORECASE)`);
    w.line(`PHONE_RE_${tag.toUpperCase()} = re.compile(r"^\\+?[0-9 ()-]{7,20}$")`);
    w.blank(2);
    w.block(`def is_valid_email_${tag}(value: str) -> bool`, () => w.line(`return bool(EMAIL_RE_${tag.toUpperCase()}.match(value or ""))`));
    w.blank(2);
    w.block(`def normalize_phone_${tag}(value: str) -> str`, () => {
      w.block(`if not PHONE_RE_${tag.toUpperCase()}.match(value)`, () => w.line('raise ValueError(f"invalid phone number: {value!r}")'));
      w.line('digits = "".join(ch for ch in value if ch.isdigit())');
      w.line('return "+" + digits if value.strip().startswith("+") else digits');
    });
  }],
  ['ratelimit', (w, tag, imports) => {
    imports.add('import time').add('from collections import deque').add('from typing import Deque');
    w.block(`class ${pascal(tag)}RateLimiter`, () => {
      w.docstring('Sliding-window limiter: at most `limit` calls per `window` seconds.');
      w.blank();
      w.block('def __init__(self, limit: int, window: float) -> None', () => {
        w.line('self.limit = limit');
        w.line('self.window = window');
        w.line('self._calls: Deque[float] = deque()');
      });
      w.blank();
      w.block('def allow(self) -> bool', () => {
        w.line('now = time.monotonic()');
        w.block('while self._calls and now - self._calls[0] > self.window', () => w.line('self._calls.popleft()'));
        w.block('if len(self._calls) >= self.limit', () => w.line('return False'));
        w.line('self._calls.append(now)');
        w.line('return True');
      });
    });
  }],
  ['tree', (w, tag, imports) => {
    imports.add('from typing import Any, Dict, Iterator, List, Tuple');
    w.block(`def flatten_${tag}(tree: Dict[str, Any], prefix: str = "") -> Iterator[Tuple[str, Any]]`, () => {
      w.block('for key, value in sorted(tree.items())', () => {
        w.line('path = f"{prefix}.{key}" if prefix else key');
        w.block('if isinstance(value, dict)', () => w.line(`yield from flatten_${tag}(value, path)`));
        w.block('elif isinstance(value, list)', () => {
          w.block('for index, item in enumerate(value)', () => {
            w.line(`yield from flatten_${tag}({str(index): item}, path)`);
          });
        });
        w.block('else', () => w.line('yield path, value'));
      });
    });
  }],
  ['page', (w, tag, imports) => {
    imports.add('from dataclasses import dataclass').add('from typing import Generic, List, Sequence, TypeVar');
    w.line(`P_${tag} = TypeVar("P_${tag}")`);
    w.blank(2);
    w.line('@dataclass');
    w.block(`class ${pascal(tag)}Page(Generic[P_${tag}])`, () => {
      w.line(`items: List[P_${tag}]`);
      w.line('page: int');
      w.line('size: int');
      w.line('total: int');
      w.blank();
      w.line('@property');
      w.block('def pages(self) -> int', () => w.line('return max(1, -(-self.total // self.size))'));
    });
    w.blank(2);
    w.block(`def paginate_${tag}(items: Sequence[P_${tag}], page: int = 1, size: int = 20) -> ${pascal(tag)}Page[P_${tag}]`, () => {
      w.line('start = (page - 1) * size');
      w.line(`return ${pascal(tag)}Page(items=list(items[start:start + size]), page=page, size=size, total=len(items))`);
    });
  }],
  ['hashing', (w, tag, imports) => {
    imports.add('import hashlib').add('from pathlib import Path');
    w.block(`def file_digest_${tag}(path: Path, chunk_size: int = 65536) -> str`, () => {
      w.line('digest = hashlib.sha256()');
      w.block('with path.open("rb") as handle', () => {
        w.block('while chunk := handle.read(chunk_size)', () => w.line('digest.update(chunk)'));
      });
      w.line('return digest.hexdigest()');
    });
  }],
  ['env', (w, tag, imports) => {
    imports.add('import os').add('from typing import Optional');
    w.block(`def env_flag_${tag}(name: str, default: bool = False) -> bool`, () => {
      w.line('raw: Optional[str] = os.environ.get(name)');
      w.block('if raw is None', () => w.line('return default'));
      w.line('return raw.strip().lower() in {"1", "true", "yes", "on"}');
    });
    w.blank(2);
    w.block(`def env_int_${tag}(name: str, default: int) -> int`, () => {
      w.block('try', () => w.line('return int(os.environ[name])'));
      w.block('except (KeyError, ValueError)', () => w.line('return default'));
    });
  }],
  ['http', (w, tag, imports) => {
    // A requests.Session, not a SQLAlchemy one: `self.session.get(...)` must be left alone.
    imports.add('import requests').add('from typing import Any, Dict, Optional');
    w.block(`class ${pascal(tag)}Client`, () => {
      w.block('def __init__(self, base_url: str, token: Optional[str] = None, timeout: float = 5.0) -> None', () => {
        w.line('self.base_url = base_url.rstrip("/")');
        w.line('self.timeout = timeout');
        w.line('self.session = requests.Session()');
        w.block('if token', () => w.line('self.session.headers["Authorization"] = f"Bearer {token}"'));
      });
      w.blank();
      w.block('def get(self, path: str, **params: Any) -> Dict[str, Any]', () => {
        w.line('response = self.session.get(f"{self.base_url}/{path.lstrip(\'/\')}", params=params, timeout=self.timeout)');
        w.line('response.raise_for_status()');
        w.line('return response.json()');
      });
      w.blank();
      w.block('def post(self, path: str, payload: Dict[str, Any]) -> Dict[str, Any]', () => {
        w.line('response = self.session.post(f"{self.base_url}/{path.lstrip(\'/\')}", json=payload, timeout=self.timeout)');
        w.line('response.raise_for_status()');
        w.line('return response.json()');
      });
      w.blank();
      w.block('def close(self) -> None', () => w.line('self.session.close()'));
    });
  }],
  ['async', (w, tag, imports) => {
    imports.add('import asyncio').add('from typing import Awaitable, Iterable, List, TypeVar');
    w.line(`R_${tag} = TypeVar("R_${tag}")`);
    w.blank(2);
    w.block(`async def gather_limited_${tag}(tasks: Iterable[Awaitable[R_${tag}]], limit: int = 8) -> List[R_${tag}]`, () => {
      w.line('semaphore = asyncio.Semaphore(limit)');
      w.blank();
      w.block(`async def run(task: Awaitable[R_${tag}]) -> R_${tag}`, () => {
        w.block('async with semaphore', () => w.line('return await task'));
      });
      w.blank();
      w.line('return await asyncio.gather(*(run(t) for t in tasks))');
    });
  }],
  ['timer', (w, tag, imports) => {
    imports.add('import logging').add('import time').add('from contextlib import contextmanager').add('from typing import Iterator');
    w.line('@contextmanager');
    w.block(`def timed_${tag}(label: str, threshold_ms: float = 200.0) -> Iterator[None]`, () => {
      w.line('start = time.perf_counter()');
      w.block('try', () => w.line('yield'));
      w.block('finally', () => {
        w.line('elapsed = (time.perf_counter() - start) * 1000');
        w.block('if elapsed > threshold_ms', () => w.line('logging.getLogger(__name__).warning("%s took %.1f ms", label, elapsed)'));
      });
    });
  }],
  ['match', (w, tag, imports) => {
    imports.add('from typing import Any, Dict');
    w.block(`def describe_event_${tag}(event: Dict[str, Any]) -> str`, () => {
      w.block('match event', () => {
        w.block('case {"type": "click", "x": x, "y": y}', () => w.line('return f"click at {x},{y}"'));
        w.block('case {"type": "key", "key": str(key)} if len(key) == 1', () => w.line('return f"key {key!r}"'));
        w.block('case {"type": "scroll", "delta": delta}', () => w.line('return "scroll down" if delta > 0 else "scroll up"'));
        w.block('case _', () => w.line('return "unknown event"'));
      });
    });
  }],
  ['table', (w, tag, imports, rng) => {
    imports.add('from typing import Dict, Tuple');
    const rows = rng.int(12, 40);
    w.line(`# Reference data for ${tag.replace(/_/g, ' ')} (kept in code: it changes once a year).`);
    w.line(`${tag.toUpperCase()}_REGIONS: Dict[str, Tuple[str, float]] = {`);
    for (let i = 0; i < rows; i++) {
      const code = String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + ((i * 7 + 3) % 26));
      w.line(`    "${code}${i}": ("Region ${code} ${i}", ${(0.05 + (i % 20) / 100).toFixed(2)}),`);
    }
    w.line('}');
  }],
  ['protocol', (w, tag, imports) => {
    imports.add('from typing import Optional, Protocol, TypedDict');
    w.block(`class ${pascal(tag)}Payload(TypedDict, total=False)`, () => {
      w.line('id: int');
      w.line('name: str');
      w.line('tags: list');
      w.line('parent: Optional[int]');
    });
    w.blank(2);
    w.block(`class ${pascal(tag)}Sink(Protocol)`, () => {
      w.block(`def write(self, payload: ${pascal(tag)}Payload) -> None`, () => w.line('...'));
      w.blank();
      w.block('def flush(self) -> int', () => w.line('...'));
    });
  }],
  ['search', (w, tag, imports) => {
    // `.query(` on something that is not a SQLAlchemy session: a search backend.
    imports.add('from typing import Any, Dict, List');
    w.block(`class ${pascal(tag)}SearchIndex`, () => {
      w.block('def __init__(self, backend: Any, index: str) -> None', () => {
        w.line('self.backend = backend');
        w.line('self.index = index');
      });
      w.blank();
      w.block('def query(self, text: str, **filters: Any) -> List[Dict[str, Any]]', () => {
        w.line('body = {"query": {"bool": {"must": [{"match": {"_all": text}}], "filter": [{"term": {k: v}} for k, v in filters.items()]}}}');
        w.line('hits = self.backend.query(index=self.index, body=body)');
        w.line('return [hit["_source"] for hit in hits.get("hits", {}).get("hits", [])]');
      });
      w.blank();
      w.block('def first(self, text: str) -> Dict[str, Any]', () => {
        w.line('results = self.query(text)');
        w.line('return results[0] if results else {}');
      });
    });
  }],
  ['text', (w, tag, imports) => {
    imports.add('import textwrap');
    w.block(`def truncate_${tag}(text: str, width: int = 80, suffix: str = "…") -> str`, () => {
      w.block('if len(text) <= width', () => w.line('return text'));
      w.line('return text[: max(0, width - len(suffix))].rstrip() + suffix');
    });
    w.blank(2);
    w.block(`def wrap_paragraphs_${tag}(text: str, width: int = 72) -> str`, () => {
      w.line('paragraphs = [p.strip() for p in text.split("\\n\\n")]');
      w.line('return "\\n\\n".join(textwrap.fill(p, width=width) for p in paragraphs if p)');
    });
  }],
  ['lru', (w, tag, imports) => {
    imports.add('from collections import OrderedDict').add('from typing import Generic, Hashable, Optional, TypeVar');
    w.line(`V_${tag} = TypeVar("V_${tag}")`);
    w.blank(2);
    w.block(`class ${pascal(tag)}LRU(Generic[V_${tag}])`, () => {
      w.block('def __init__(self, capacity: int = 128) -> None', () => {
        w.line('self.capacity = capacity');
        w.line(`self._data: "OrderedDict[Hashable, V_${tag}]" = OrderedDict()`);
      });
      w.blank();
      w.block(`def get(self, key: Hashable) -> Optional[V_${tag}]`, () => {
        w.block('if key not in self._data', () => w.line('return None'));
        w.line('self._data.move_to_end(key)');
        w.line('return self._data[key]');
      });
      w.blank();
      w.block(`def put(self, key: Hashable, value: V_${tag}) -> None`, () => {
        w.line('self._data[key] = value');
        w.line('self._data.move_to_end(key)');
        w.block('while len(self._data) > self.capacity', () => w.line('self._data.popitem(last=False)'));
      });
    });
  }],
  ['business_days', (w, tag, imports) => {
    imports.add('from datetime import date, timedelta').add('from typing import Set');
    w.block(`def business_days_${tag}(start: date, end: date, holidays: Set[date] = frozenset()) -> int`, () => {
      w.block('if end < start', () => w.line('start, end = end, start'));
      w.line('days = 0');
      w.line('current = start');
      w.block('while current <= end', () => {
        w.block('if current.weekday() < 5 and current not in holidays', () => w.line('days += 1'));
        w.line('current += timedelta(days=1)');
      });
      w.line('return days');
    });
  }],
  ['events', (w, tag, imports) => {
    imports.add('from collections import defaultdict').add('from typing import Any, Callable, DefaultDict, List');
    w.block(`class ${pascal(tag)}EventBus`, () => {
      w.block('def __init__(self) -> None', () => w.line('self._handlers: DefaultDict[str, List[Callable[..., Any]]] = defaultdict(list)'));
      w.blank();
      w.block('def subscribe(self, topic: str, handler: Callable[..., Any]) -> None', () => w.line('self._handlers[topic].append(handler)'));
      w.blank();
      w.block('def publish(self, topic: str, **payload: Any) -> int', () => {
        w.line('delivered = 0');
        w.block('for handler in list(self._handlers.get(topic, ()))', () => {
          w.line('handler(**payload)');
          w.line('delivered += 1');
        });
        w.line('return delivered');
      });
    });
  }],
  ['value', (w, tag, imports) => {
    imports.add('from typing import Any');
    w.block(`class ${pascal(tag)}Key`, () => {
      w.line('__slots__ = ("namespace", "value")');
      w.blank();
      w.block('def __init__(self, namespace: str, value: str) -> None', () => {
        w.line('self.namespace = namespace.lower()');
        w.line('self.value = value');
      });
      w.blank();
      w.block('def __eq__(self, other: Any) -> bool', () => {
        w.line('return isinstance(other, type(self)) and (self.namespace, self.value) == (other.namespace, other.value)');
      });
      w.blank();
      w.block('def __hash__(self) -> int', () => w.line('return hash((self.namespace, self.value))'));
      w.blank();
      w.block('def __repr__(self) -> str', () => w.line('return f"{type(self).__name__}({self.namespace!r}, {self.value!r})"'));
    });
  }],
];

export function plainFile(rng: Rng, topic: string): string {
  const w = new PyWriter();
  const imports = new Set<string>();
  const body = new PyWriter();
  const tags = rng.shuffle(NOUNS);
  let next = 0;
  const makers: Maker[] = SNIPPETS.map(([kind, snippet]) => (ww, used) => {
    const tag = tags[next % tags.length] as string;
    if (!claim(used, `${kind}:${tag}`)) return false;
    next++;
    maybeComment(rng, ww, 0.1);
    snippet(ww, tag, imports, rng);
    return true;
  });
  fill(rng, body, targetLines(rng, 45, 390), makers);
  w.docstring(`${pascal(topic)} helpers shared across services.\n\nNothing in here talks to the database; keep it that way so it stays cheap to import.`);
  w.blank();
  const third = [...imports].filter((i) => i === 'import requests');
  const std = mergeImports([...imports].filter((i) => i !== 'import requests'));
  w.line('from __future__ import annotations');
  w.blank();
  w.many(std);
  if (third.length > 0) w.blank().many(third);
  w.blank();
  w.line(`__all__: list = []  # populated by the ${plural(topic)} plugin loader`);
  return w.toString() + body.toString();
}
