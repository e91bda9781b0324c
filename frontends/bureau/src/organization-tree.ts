export interface FlatOrganization {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId?: string | null;
}

export type OrganizationNode<T extends FlatOrganization> = T & { children?: OrganizationNode<T>[] };

/**
 * Nests organisations under their parents for the tree table. An organisation whose parent is
 * not in the list (outside the viewer's scope) becomes a root rather than disappearing.
 */
export function buildOrganizationTree<T extends FlatOrganization>(organizations: readonly T[]): OrganizationNode<T>[] {
  const nodes = new Map<string, OrganizationNode<T>>(organizations.map((org) => [org.id, { ...org }]));
  const roots: OrganizationNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const byCode = (a: OrganizationNode<T>, b: OrganizationNode<T>) => a.code.localeCompare(b.code);
  const sort = (list: OrganizationNode<T>[]) => {
    list.sort(byCode);
    for (const node of list) if (node.children) sort(node.children);
  };
  sort(roots);
  return roots;
}

/**
 * The organisations in the subtrees under `rootIds`, roots included, in the order given. The
 * public organisation list holds every province; a province institute works in its own.
 */
export function subtreeOf<T extends FlatOrganization>(organizations: readonly T[], rootIds: readonly string[]): T[] {
  const inside = new Set(rootIds);
  const children = new Map<string, T[]>();
  for (const org of organizations) {
    if (org.parentId) children.set(org.parentId, [...(children.get(org.parentId) ?? []), org]);
  }
  const queue = [...rootIds];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      if (!inside.has(child.id)) {
        inside.add(child.id);
        queue.push(child.id);
      }
    }
  }
  return organizations.filter((org) => inside.has(org.id));
}
