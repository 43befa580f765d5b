/**
 * The Block Kit limits Slack enforces on chat.postMessage and chat.update,
 * so a renderer that overflows fails in tests as it would in production.
 */
export function checkBlocks(blocks: unknown): 'invalid_blocks' | 'invalid_blocks_format' | null {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks';
  const blockIds = new Set<string>();
  for (const block of blocks as unknown[]) {
    if (typeof block !== 'object' || block === null) return 'invalid_blocks_format';
    const b = block as Record<string, unknown>;
    if (typeof b.block_id === 'string') {
      if (blockIds.has(b.block_id) || b.block_id.length > 255) return 'invalid_blocks';
      blockIds.add(b.block_id);
    }
    if (!blockIsValid(b)) return 'invalid_blocks';
  }
  return null;
}

function blockIsValid(b: Record<string, unknown>): boolean {
  switch (b.type) {
    case 'section':
      return textLength(b.text) <= 3000 && (!Array.isArray(b.fields) || b.fields.length <= 10);
    case 'header':
      return textLength(b.text) <= 150;
    case 'context':
      return Array.isArray(b.elements) && b.elements.length <= 10;
    case 'actions':
      return Array.isArray(b.elements) && b.elements.length <= 25 && elementsAreValid(b.elements);
    default:
      return typeof b.type === 'string';
  }
}

function elementsAreValid(elements: unknown[]): boolean {
  const actionIds = new Set<string>();
  for (const element of elements) {
    if (typeof element !== 'object' || element === null) return false;
    const e = element as Record<string, unknown>;
    if (typeof e.action_id === 'string') {
      if (actionIds.has(e.action_id) || e.action_id.length > 255) return false;
      actionIds.add(e.action_id);
    }
    if (e.type === 'button' && (textLength(e.text) > 75 || (typeof e.value === 'string' && e.value.length > 2000))) return false;
  }
  return true;
}

function textLength(text: unknown): number {
  if (typeof text !== 'object' || text === null) return 0;
  const value = (text as Record<string, unknown>).text;
  return typeof value === 'string' ? value.length : 0;
}
