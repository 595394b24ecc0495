"use server";
import { revalidatePath } from "next/cache";
import { addEvent, removeEvent, restoreEvent, updateEvent } from "@/lib/data/events";
import {
  addEventSchema,
  recordWhatHappenedSchema,
  removeEventSchema,
  restoreEventSchema,
  updateEventSchema,
} from "@/lib/validations/event";
import { recordWhatHappened } from "@/lib/data/what-happened";
import { runFormAction, type ActionState } from "@/lib/actions/action-state";

export async function addEventAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:event:any",
    schema: addEventSchema,
    run: async (actor, input) => {
      const { caseCode } = await addEvent(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      return "actions.eventAdded";
    },
  });
}

export async function removeEventAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:event:any",
    schema: removeEventSchema,
    run: async (actor, input) => {
      const { caseCode } = await removeEvent(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      return "actions.eventRemoved";
    },
  });
}

export async function restoreEventAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:event:any",
    schema: restoreEventSchema,
    run: async (actor, input) => {
      const { caseCode } = await restoreEvent(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      return "actions.eventRestored";
    },
  });
}

export async function updateEventAction(previous: ActionState | FormData, formData?: FormData): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:event:any",
    schema: updateEventSchema,
    run: async (actor, input) => {
      const { caseCode } = await updateEvent(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      return "actions.eventSaved";
    },
  });
}

/** "Record what happened": the event, its date and place, and the passage that says so; the status follows. */
export async function recordWhatHappenedAction(
  previous: ActionState | FormData,
  formData?: FormData,
): Promise<ActionState> {
  return runFormAction(previous, formData, {
    permission: "write:event:any",
    schema: recordWhatHappenedSchema,
    run: async (actor, input) => {
      const { caseCode } = await recordWhatHappened(actor, input);
      revalidatePath(`/cases/${caseCode}`);
      revalidatePath("/");
      return "actions.recordedWithSource";
    },
  });
}
