"use server";
import { revalidatePath } from "next/cache";
import { archiveContact, createContact, updateContact } from "@/lib/data/contacts";
import { archiveContactSchema, createContactSchema, updateContactSchema } from "@/lib/validations/contact";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";
import { messageKey } from "@/lib/i18n/message-key";

export async function createContactAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:contact:any",
    schema: createContactSchema,
    run: async (actor, input) => {
      await createContact(actor, input);
      revalidatePath("/contacts");
      return messageKey("actions.contactAdded", { name: input.name });
    },
  });
}

export async function updateContactAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:contact:any",
    schema: updateContactSchema,
    run: async (actor, input) => {
      await updateContact(actor, input);
      revalidatePath("/contacts");
      revalidatePath(`/contacts/${input.id}`);
      return "actions.saved";
    },
  });
}

export async function archiveContactAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:contact:any",
    schema: archiveContactSchema,
    invalidMessage: "actions.contactUnidentified",
    run: async (actor, input) => {
      await archiveContact(actor, input);
      revalidatePath("/contacts");
      revalidatePath(`/contacts/${input.id}`);
      return "actions.contactArchived";
    },
  });
}
