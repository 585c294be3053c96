// Sync or async: SessionResolver says whether an expression is a session; the audit must also know which
// kind, because a sync Session in async code blocks the event loop while an AsyncSession only needs its
// coroutine methods awaited. The kind comes from where the session is made or declared: the factory called
// (`SessionLocal()` sync, `AsyncSessionLocal()` / `async_sessionmaker(...)` results async), the parameter's
// annotation (`Session` / `AsyncSession` from sqlalchemy or sqlmodel) or its dependency (`Depends(get_db)`
// sync, `Depends(get_async_db)` async, with the configured names).
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TransformOptions } from '../../../engine/types';
import { moduleLevelImportBindings, type ModuleImports } from '../support/imports';
import { bindingsIn, parametersOf, type Parameter } from '../query/bindings';
import type { SessionInfo, SessionResolver } from '../query/sessions';
import { callArgs, dottedName, enclosingScope, namedChildren } from '../query/syntax';

export type SessionKind = 'sync' | 'async' | 'unknown';

export class SessionKinds {
  private readonly importTargets = new Map<string, string>();
  /** Module-level `name = value` bound once: type aliases and session factories. */
  private readonly aliases = new Map<string, SgNode>();

  constructor(
    root: SgRoot,
    imports: ModuleImports,
    private readonly sessions: SessionResolver,
    private readonly options: Pick<TransformOptions, 'getDbName' | 'asyncGetDbName'>,
  ) {
    for (const b of moduleLevelImportBindings(imports)) this.importTargets.set(b.local, b.target);
    const counts = new Map<string, number>();
    for (const stmt of root.root().children()) {
      const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
      if (assignment?.kind() !== 'assignment') continue;
      const left = assignment.field('left');
      const right = assignment.field('right');
      if (left?.kind() !== 'identifier') continue;
      counts.set(left.text(), (counts.get(left.text()) ?? 0) + 1);
      if (right && right.kind() !== 'assignment') this.aliases.set(left.text(), right);
    }
    for (const [name, count] of counts) if (count > 1) this.aliases.delete(name);
  }

  /** The kind of session a parameter receives, or null when it is not known to be a session. */
  parameterKind(param: Parameter): SessionKind | null {
    const fromDefault = param.defaultValue ? this.dependencyKind(param.defaultValue) : null;
    if (fromDefault) return fromDefault;
    if (param.annotation && this.sessions.typeVerdict(param.annotation, new Set()).session) return this.typeKind(param.annotation, new Set());
    return null;
  }

  /** The kind of session a call makes, or null when it is not a session factory call the resolver knows. */
  factoryKind(call: SgNode): SessionKind | null {
    const begin = this.sessions.isFactoryBeginCall(call);
    if (!begin && !this.sessions.isFactoryCall(call)) return null;
    const callee = call.field('function') as SgNode;
    const factory = begin ? (callee.field('object') as SgNode) : callee;
    const dotted = dottedName(factory);
    if (!dotted) return 'unknown';
    const head = dotted[0] as string;
    const last = dotted[dotted.length - 1] as string;
    const classKind = this.classKind(dotted);
    if (classKind) return classKind;
    if (/^(Async|async_)/.test(last)) return 'async';
    const value = dotted.length === 1 && !this.importTargets.has(head) ? this.aliases.get(head) : undefined;
    if (value?.kind() === 'call') {
      const maker = dottedName(value.field('function') as SgNode);
      const makerName = maker?.[maker.length - 1];
      if (makerName === 'async_sessionmaker') return 'async';
      if (makerName === 'sessionmaker') {
        const args = callArgs(value);
        const cls = args.keywords.get('class_') ?? args.positional[1];
        return cls && /AsyncSession$/.test(cls.text()) ? 'async' : 'sync';
      }
    }
    return last.includes('SessionLocal') ? 'sync' : 'unknown';
  }

  /** The kind of the session an expression the resolver accepted holds. */
  receiverKind(expr: SgNode, info: SessionInfo): SessionKind {
    const kinds: SessionKind[] = info.origins.map((origin) => this.factoryKind(origin) ?? 'unknown');
    if (expr.kind() === 'identifier') {
      const param = parameterSeenBy(expr);
      if (param) kinds.push(this.parameterKind(param) ?? 'unknown');
    }
    const first = kinds[0];
    return first !== undefined && kinds.every((k) => k === first) ? first : 'unknown';
  }

  /** `Depends(get_db)` → sync, `Depends(get_async_db)` → async (configured names), else null. */
  private dependencyKind(node: SgNode): SessionKind | null {
    if (node.kind() !== 'call') return null;
    const callee = dottedName(node.field('function') as SgNode);
    if (callee?.[callee.length - 1] !== 'Depends') return null;
    const args = callArgs(node);
    const first = args.positional[0] ?? args.keywords.get('dependency');
    const dependency = first ? dottedName(first) : null;
    const name = dependency?.[dependency.length - 1];
    if (name === this.options.getDbName) return 'sync';
    if (name === this.options.asyncGetDbName) return 'async';
    return null;
  }

  /** Every session class and session dependency named in the annotation agrees on one kind, or 'unknown'. */
  private typeKind(node: SgNode, seen: Set<string>): SessionKind {
    const found = new Set<SessionKind>();
    const visit = (dotted: string[]): void => {
      const kind = this.classKind(dotted);
      if (kind) found.add(kind);
      const head = dotted[0] as string;
      if (!kind && dotted.length === 1 && !this.importTargets.has(head) && this.aliases.has(head) && !seen.has(head)) {
        seen.add(head);
        found.add(this.typeKind(this.aliases.get(head) as SgNode, seen));
      }
    };
    const candidates = [node, ...node.findAll({ rule: { any: [{ kind: 'identifier' }, { kind: 'attribute' }, { kind: 'string' }, { kind: 'call' }] } })];
    for (const n of candidates) {
      const kind = n.kind();
      if (kind === 'string') {
        const content = n.children().find((c) => c.kind() === 'string_content')?.text() ?? '';
        if (/^[A-Za-z_][\w.]*$/.test(content)) visit(content.split('.'));
      } else if (kind === 'call') {
        const dependency = this.dependencyKind(n);
        if (dependency) found.add(dependency);
      } else if ((kind === 'identifier' || kind === 'attribute') && n.parent()?.kind() !== 'attribute') {
        const dotted = dottedName(n);
        if (dotted) visit(dotted);
      }
    }
    found.delete('unknown');
    return found.size === 1 ? ([...found][0] as SessionKind) : 'unknown';
  }

  /** `Session` / `AsyncSession` imported from sqlalchemy or sqlmodel (any submodule), else null. */
  private classKind(dotted: string[]): SessionKind | null {
    const target = this.importTargets.get(dotted[0] as string);
    if (!target) return null;
    const full = [target, ...dotted.slice(1)].join('.');
    if (!/^(sqlalchemy|sqlmodel)\./.test(full)) return null;
    if (full.endsWith('.AsyncSession')) return 'async';
    if (full.endsWith('.Session')) return 'sync';
    return null;
  }
}

/** The parameter a name refers to, when the innermost scope binding the name has it as a parameter (rebound or not). */
function parameterSeenBy(id: SgNode): Parameter | null {
  const name = id.text();
  for (let scope = enclosingScope(id); scope; scope = enclosingScope(scope)) {
    const kind = scope.kind();
    if (kind === 'module' || kind === 'class_definition' || kind === 'lambda') return null;
    if (kind === 'function_definition') {
      const param = parametersOf(scope).find((p) => p.name === name);
      if (param) return param;
    }
    if (bindingsIn(scope, name).length > 0) return null;
  }
  return null;
}
