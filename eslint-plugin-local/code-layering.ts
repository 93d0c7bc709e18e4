import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { Rule } from 'eslint';
import type { Node as EstreeNode } from 'estree';

/**
 * Layering as an allow-list (DESIGN §2; VS Code's `code-layering` rule is the model). Every linted
 * file belongs to the first layer whose `files` glob matches it, and may import only what that layer
 * names: its own layer, the layers in `layers`, and the packages in `packages`. Anything else fails,
 * so a new dependency direction has to be written down here before it can exist.
 *
 * Checked: static imports, `export … from`, dynamic `import()`, `import x = require()`, `require()`
 * and `require.resolve()`, and `typeof import('…')` types. Type-only imports (`import type`,
 * `export type`, all-`type` specifiers, `typeof import`) are checked too — a type still ties one
 * layer's source to another's — and get only the extra layers a layer names in `typeLayers`
 * (main/demo takes main/core's ports as types, never its code).
 */

export interface Allowance {
  /** Our layers (by name) whose code may be imported. `*` allows every layer. */
  layers?: string[];
  /** Layers that may be imported for types only. */
  typeLayers?: string[];
  /** Packages by name (subpaths included), `node:*` for Node built-ins, `*` for any package. */
  packages?: string[];
}

export interface Layer extends Allowance {
  name: string;
  /** Globs relative to the project root (`*` within a folder, `**` across folders). */
  files: string[];
  /** Wider allowances for some files of the layer, each with its reason. */
  grants?: Array<Allowance & { files: string[]; reason: string }>;
}

interface CompiledLayer {
  name: string;
  files: RegExp[];
  allowance: Required<Allowance>;
  grants: Array<{ files: RegExp[]; allowance: Required<Allowance> }>;
}

const NODE_BUILTINS = new Set(builtinModules);
const SOURCE_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (glob.startsWith('**/', index)) {
      pattern += '(?:.*/)?';
      index += 2;
    } else if (glob.startsWith('**', index)) {
      pattern += '.*';
      index += 1;
    } else if (char === '*') {
      pattern += '[^/]*';
    } else {
      pattern += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

const complete = (allowance: Allowance): Required<Allowance> => ({
  layers: allowance.layers ?? [],
  typeLayers: allowance.typeLayers ?? [],
  packages: allowance.packages ?? [],
});

function compile(layers: Layer[]): CompiledLayer[] {
  return layers.map((layer) => ({
    name: layer.name,
    files: layer.files.map(globToRegExp),
    allowance: complete(layer),
    grants: (layer.grants ?? []).map((grant) => ({ files: grant.files.map(globToRegExp), allowance: complete(grant) })),
  }));
}

/** The layer owning a project path; import targets without an extension try the usual ones. */
function layerOf(layers: CompiledLayer[], path: string, tryExtensions = false): CompiledLayer | undefined {
  const candidates = tryExtensions ? SOURCE_EXTENSIONS.map((extension) => path + extension) : [path];
  return layers.find((layer) => layer.files.some((glob) => candidates.some((candidate) => glob.test(candidate))));
}

/** `node:fs`, `fs` and `fs/promises` are all Node; `@scope/pkg/sub` is `@scope/pkg`. */
function packageOf(specifier: string): string {
  const bare = specifier.split('?')[0] as string;
  if (bare.startsWith('node:') || NODE_BUILTINS.has(bare) || NODE_BUILTINS.has(bare.split('/')[0] as string)) return 'node:*';
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

const allows = (list: string[], name: string): boolean => list.includes('*') || list.includes(name);

interface ImportSite {
  node: EstreeNode;
  specifier: string;
  typeOnly: boolean;
}

type Check = (site: ImportSite) => void;

/** A node's string specifier, or undefined when it is computed at run time. */
function literalOf(node: unknown): string | undefined {
  const candidate = node as { type?: string; value?: unknown; expressions?: unknown[]; quasis?: Array<{ value: { cooked?: string } }> };
  if (candidate?.type === 'Literal' && typeof candidate.value === 'string') return candidate.value;
  if (candidate?.type === 'TemplateLiteral' && candidate.expressions?.length === 0) return candidate.quasis?.[0]?.value.cooked;
  return undefined;
}

interface TsImportParts {
  source?: unknown;
  importKind?: string;
  exportKind?: string;
  specifiers?: Array<{ importKind?: string; exportKind?: string }>;
}

/** `import type`, `export type`, or every named specifier marked `type`. */
function isTypeOnly(node: TsImportParts): boolean {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type');
}

function importListener(check: Check, report: (node: EstreeNode, message: string) => void): Rule.RuleListener {
  const fromDeclaration = (node: EstreeNode) => {
    const parts = node as unknown as TsImportParts;
    const specifier = literalOf(parts.source);
    if (specifier !== undefined) check({ node, specifier, typeOnly: isTypeOnly(parts) });
  };
  const fromCall = (node: EstreeNode, argument: unknown, typeOnly = false) => {
    const specifier = literalOf(argument);
    if (specifier === undefined) report(node, 'A module path computed at run time cannot be checked against the layers: use a string literal.');
    else check({ node, specifier, typeOnly });
  };
  return {
    ImportDeclaration: fromDeclaration,
    ExportNamedDeclaration: (node) => { if (node.source) fromDeclaration(node); },
    ExportAllDeclaration: fromDeclaration,
    ImportExpression: (node) => fromCall(node, node.source),
    CallExpression: (node) => {
      const callee = node.callee;
      const isRequire = callee.type === 'Identifier' && callee.name === 'require';
      const isResolve = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'require'
        && callee.property.type === 'Identifier' && callee.property.name === 'resolve';
      if (isRequire || isResolve) fromCall(node, node.arguments[0]);
    },
    // `import x = require('…')` and `typeof import('…')` (TypeScript nodes, outside estree's types).
    'TSExternalModuleReference'(node: EstreeNode) {
      fromCall(node, (node as unknown as { expression: unknown }).expression);
    },
    'TSImportType'(node: EstreeNode) {
      // typescript-eslint 8 names the path `source`; older versions had `argument.literal`.
      const typeImport = node as unknown as { source?: unknown; argument?: { literal?: unknown } };
      fromCall(node, typeImport.source ?? typeImport.argument?.literal, true);
    },
  };
}

export const codeLayering: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (DESIGN §2).' },
    schema: [{
      type: 'object',
      properties: { layers: { type: 'array', items: { type: 'object' } } },
      required: ['layers'],
      additionalProperties: false,
    }],
  },
  create(context) {
    const layers = compile((context.options[0] as { layers: Layer[] }).layers);
    const root = context.cwd;
    const toProjectPath = (absolute: string) => relative(root, absolute).split(sep).join('/');
    const file = toProjectPath(context.filename);
    const report = (node: EstreeNode, message: string) => context.report({ node, message });
    const layer = layerOf(layers, file);
    if (!layer) {
      return {
        Program: (node) => report(node, `${file} belongs to no layer: add it to the code-layering table in eslint.config.js.`),
      };
    }
    const grants = layer.grants.filter((grant) => grant.files.some((glob) => glob.test(file)));
    const allowed = (pick: (allowance: Required<Allowance>) => string[]) =>
      [layer.allowance, ...grants.map((grant) => grant.allowance)].flatMap(pick);
    const valueLayers = [layer.name, ...allowed((a) => a.layers)];
    const typeLayers = [...valueLayers, ...allowed((a) => a.typeLayers)];
    const packages = allowed((a) => a.packages);
    if (valueLayers.includes('*') && packages.includes('*')) return {};
    const summary = `${layer.name} may import: ${[...new Set([...valueLayers, ...packages])].join(', ')}`
      + (typeLayers.length > valueLayers.length ? `; types from ${allowed((a) => a.typeLayers).join(', ')}` : '');

    return importListener(({ node, specifier, typeOnly }) => {
      if (specifier.startsWith('.') || isAbsolute(specifier)) {
        const target = toProjectPath(join(dirname(context.filename), specifier.split('?')[0] as string));
        const owner = layerOf(layers, target, true);
        const permitted = typeOnly ? typeLayers : valueLayers;
        if (permitted.includes('*') || (owner && allows(permitted, owner.name))) return;
        const what = owner ? owner.name : 'no layer';
        const typeHint = owner && !typeOnly && allows(typeLayers, owner.name) ? ' (types only: use `import type`)' : '';
        report(node, `'${specifier}' is ${what}${typeHint}. ${summary}.`);
        return;
      }
      const name = packageOf(specifier);
      if (!allows(packages, name)) report(node, `'${specifier}' (${name}) is not allowed here. ${summary}.`);
    }, report);
  },
};

export default { rules: { 'code-layering': codeLayering } };
