// Vocabulary for the synthetic repository: business areas, entity nouns and field shapes that make
// the generated modules read like a real product's backend.

export const AREAS = [
  'billing', 'catalog', 'crm', 'fleet', 'hr', 'inventory', 'support', 'analytics', 'scheduling', 'learning',
  'clinic', 'devops', 'identity', 'messaging', 'payments', 'logistics', 'marketing', 'content', 'procurement',
  'compliance', 'events', 'realty', 'insurance', 'travel',
] as const;

/** Singular snake_case nouns; never `session`, `query` or other words that would collide with ORM API names. */
export const NOUNS = [
  'invoice', 'customer', 'order', 'product', 'shipment', 'warehouse', 'ticket', 'project', 'task', 'comment',
  'tag', 'category', 'supplier', 'payment', 'refund', 'subscription', 'plan', 'coupon', 'review', 'address',
  'account', 'team', 'member', 'role', 'device', 'sensor', 'reading', 'alert', 'incident', 'report', 'document',
  'folder', 'attachment', 'message', 'channel', 'notification', 'campaign', 'lead', 'contact', 'opportunity',
  'quote', 'contract', 'employee', 'department', 'shift', 'timesheet', 'vehicle', 'booking', 'room', 'guest',
  'venue', 'course', 'lesson', 'enrollment', 'grade', 'student', 'teacher', 'patient', 'appointment',
  'prescription', 'claim', 'policy', 'asset', 'license', 'release', 'artifact', 'batch', 'carrier', 'parcel',
  'voucher', 'budget', 'expense', 'approval', 'survey', 'response', 'widget', 'dashboard', 'metric', 'audit',
  'vendor', 'itinerary', 'listing', 'inspection', 'permit', 'lab_result', 'work_order', 'price_rule',
] as const;

export function pascal(snake: string): string {
  return snake
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function plural(noun: string): string {
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

export function kebab(snake: string): string {
  return snake.replace(/_/g, '-');
}

export type FieldKind = 'str' | 'text' | 'int' | 'decimal' | 'float' | 'bool' | 'datetime' | 'date';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** SQLAlchemy column type expression. */
  column: string;
  /** Extra Column() keyword arguments. */
  extra: string;
  nullable: boolean;
}

/** Columns an entity may have besides its id and foreign keys. */
export const FIELD_POOL: readonly FieldSpec[] = [
  { name: 'name', kind: 'str', column: 'String(120)', extra: '', nullable: false },
  { name: 'title', kind: 'str', column: 'String(200)', extra: '', nullable: false },
  { name: 'email', kind: 'str', column: 'String(255)', extra: 'unique=True, index=True', nullable: false },
  { name: 'status', kind: 'str', column: 'String(32)', extra: 'default="active", index=True', nullable: false },
  { name: 'description', kind: 'text', column: 'Text', extra: '', nullable: true },
  { name: 'amount', kind: 'decimal', column: 'Numeric(12, 2)', extra: 'default=0', nullable: false },
  { name: 'quantity', kind: 'int', column: 'Integer', extra: 'default=0', nullable: false },
  { name: 'priority', kind: 'int', column: 'Integer', extra: 'default=3', nullable: false },
  { name: 'is_active', kind: 'bool', column: 'Boolean', extra: 'default=True', nullable: false },
  { name: 'code', kind: 'str', column: 'String(64)', extra: 'unique=True', nullable: false },
  { name: 'external_id', kind: 'str', column: 'String(64)', extra: 'index=True', nullable: true },
  { name: 'notes', kind: 'text', column: 'Text', extra: '', nullable: true },
  { name: 'score', kind: 'float', column: 'Float', extra: '', nullable: true },
  { name: 'starts_at', kind: 'datetime', column: 'DateTime', extra: '', nullable: true },
  { name: 'ends_at', kind: 'datetime', column: 'DateTime', extra: '', nullable: true },
  { name: 'due_date', kind: 'date', column: 'Date', extra: '', nullable: true },
  { name: 'currency', kind: 'str', column: 'String(3)', extra: 'default="EUR"', nullable: false },
  { name: 'reference', kind: 'str', column: 'String(80)', extra: 'index=True', nullable: true },
];

export function pyType(kind: FieldKind): string {
  switch (kind) {
    case 'str':
    case 'text':
      return 'str';
    case 'int':
      return 'int';
    case 'decimal':
      return 'Decimal';
    case 'float':
      return 'float';
    case 'bool':
      return 'bool';
    case 'datetime':
      return 'datetime';
    case 'date':
      return 'date';
  }
}

/** A Python literal of the field's type, for tests and defaults; `n` varies the value. */
export function sampleValue(field: FieldSpec, n: number, forJson: boolean): string {
  switch (field.kind) {
    case 'str':
      if (field.name === 'email') return `"user${n}@example.com"`;
      if (field.name === 'currency') return '"EUR"';
      return `"${field.name}-${n}"`;
    case 'text':
      return n % 3 === 0 ? '"Ünïcode notes — café"' : `"${field.name} text ${n}"`;
    case 'int':
      return String(n % 7);
    case 'decimal':
      return forJson ? `"${n}.50"` : `Decimal("${n}.50")`;
    case 'float':
      return `${n}.25`;
    case 'bool':
      return n % 2 === 0 ? 'True' : 'False';
    case 'datetime':
      return forJson ? `"2024-0${(n % 9) + 1}-1${n % 10}T10:00:00"` : `datetime(2024, ${(n % 12) + 1}, ${(n % 27) + 1}, 10, 0)`;
    case 'date':
      return forJson ? `"2024-0${(n % 9) + 1}-2${n % 8}"` : `date(2024, ${(n % 12) + 1}, ${(n % 27) + 1})`;
  }
}
