/** Shared class names for form controls, usable from server and client components alike. */
export const input = "mt-1 block w-full rounded border border-stone-400 p-2 text-sm aria-[invalid=true]:border-red-600";
export const button =
  "rounded border border-stone-500 bg-white px-3 py-1 text-sm hover:bg-stone-100 disabled:opacity-60";
export const primaryButton =
  "rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60";
