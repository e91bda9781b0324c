/**
 * Element Plus shows a select's options in a scrolling list (teleported to <body>) whose options
 * are reached with the arrow keys from the select's input; the list itself cannot take focus.
 * Once a long list (the 34 provinces) is open and settled, axe reports scrollable-region-focusable
 * (serious): a keyboard user cannot scroll the region by itself. Each such list is made focusable
 * (tabindex 0) as it appears. Element Plus has no option for it (the select does not pass its
 * scrollbar a tabindex), so the shell and a remote running standalone install this once.
 */
const SELECT_LIST = ".el-select-dropdown__wrap";

export function makeSelectListsFocusable(root: Document = document): () => void {
  const mark = (element: Element) => {
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "0");
  };
  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    if (node.matches(SELECT_LIST)) mark(node);
    node.querySelectorAll(SELECT_LIST).forEach(mark);
  };
  scan(root.body);
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(scan);
  });
  observer.observe(root.body, { childList: true, subtree: true });
  return () => observer.disconnect();
}
