/**
 * Who a Teams user is to the directory (SPEC §3): the Microsoft Entra object
 * id, stable across chats and channels. Without one (a guest, a bot) the
 * Teams id stands in, which no directory names, so it grants nothing.
 */
export function userIdOf(from: { id: string; aadObjectId?: string }): string {
  return from.aadObjectId?.trim() || from.id;
}
