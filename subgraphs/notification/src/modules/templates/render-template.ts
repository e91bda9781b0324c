import { templateNotFound, variableInvalid } from "./template.errors.js";
import { isTemplateKey, TEMPLATES, type MessageTemplate, type TemplateKey } from "./template-catalog.js";

export interface RenderedTemplate {
  key: TemplateKey;
  /** Without the 【签名】: the SMS provider adds its approved signature. */
  smsText: string;
  inboxTitle: string;
  inboxBody: string;
  /**
   * The values of the variables the SMS text uses, in declared order: what a template-based
   * provider (Tencent's TemplateParamSet) fills into `{1}`, `{2}`… of the approved template.
   */
  orderedVariables: string[];
  /** Every declared variable, validated and trimmed, by name. */
  variables: Record<string, string>;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

const placeholdersOf = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);

const templateOf = (key: TemplateKey): MessageTemplate => TEMPLATES[key];

/** The declared variables the SMS text uses, in declared order (the provider's parameter order). */
export function smsVariableNames(key: TemplateKey): string[] {
  const used = new Set(placeholdersOf(templateOf(key).sms));
  return templateOf(key)
    .variables.map((variable) => variable.name)
    .filter((name) => used.has(name));
}

/**
 * The SMS text as it is registered with a template-based provider: `{name}` becomes `{1}`,
 * `{2}`… in declared order. Operators paste this into the provider's console; the id the
 * provider gives back goes into the provider's template map.
 */
export function numberedSmsTemplate(key: TemplateKey): string {
  const position = new Map(smsVariableNames(key).map((name, index) => [name, index + 1]));
  return templateOf(key).sms.replace(PLACEHOLDER, (_, name: string) => `{${position.get(name)}}`);
}

/**
 * Renders a template for both channels. Every declared variable must be present, non-blank
 * and well formed, and nothing undeclared may be passed (a misspelt name is a bug, not an
 * optional extra); otherwise a `TEMPLATE_VARIABLE_INVALID` DomainError names the variable.
 * Nothing is rendered with a blank in it.
 *
 * Deliberately untyped: variables mostly arrive in stored payloads (an event, a queued
 * delivery) and are checked here at run time whatever their static type. Code that builds them
 * can annotate with `TemplateVariables<"registration.completed">` to have names checked at
 * compile time too.
 */
export function renderTemplate(key: string, variables: Readonly<Record<string, unknown>>): RenderedTemplate {
  if (!isTemplateKey(key)) throw templateNotFound(key);
  const template = templateOf(key);
  const values = validateVariables(key, template, variables);
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = values[name];
      // A catalog mistake, caught by the catalog spec long before a message is sent.
      if (value === undefined) throw new Error(`template ${key} uses {${name}}, which it does not declare`);
      return value;
    });
  return {
    key,
    smsText: fill(template.sms),
    inboxTitle: fill(template.inboxTitle),
    inboxBody: fill(template.inboxBody),
    orderedVariables: smsVariableNames(key).map((name) => values[name]!),
    variables: values,
  };
}

function validateVariables(key: TemplateKey, template: MessageTemplate, variables: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name, kind } of template.variables) {
    const raw = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (raw === undefined || raw === null) throw variableInvalid(key, name, "MISSING");
    if (typeof raw !== "string") throw variableInvalid(key, name, "MALFORMED", kind.expected);
    if (raw.trim() === "") throw variableInvalid(key, name, "EMPTY");
    const parsed = kind.schema.safeParse(raw);
    if (!parsed.success) throw variableInvalid(key, name, "MALFORMED", kind.expected);
    values[name] = parsed.data;
  }
  const declared = new Set(template.variables.map((variable) => variable.name));
  const unknown = Object.keys(variables).find((name) => !declared.has(name));
  if (unknown !== undefined) throw variableInvalid(key, unknown, "UNKNOWN");
  return values;
}
