import type { Metadata } from "next";
import { listUsers } from "@/lib/data/accounts";
import { requirePagePermission } from "@/lib/auth/pages";
import { formatDay } from "@/lib/format/display";
import { CreateUserForm, UserActions } from "@/components/admin/user-forms";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const actor = await requirePagePermission("manage:user:any", "/admin/users");
  const users = await listUsers(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <p className="text-sm text-stone-700">
        Disabling an account, changing its role, resetting its password or signing it out everywhere takes effect on the
        user&apos;s next request. Every change here is written to the audit log.
      </p>
      <CreateUserForm />
      <DataTable caption="Accounts" columns={["Account", "Role", "State", "Last sign-in", "Actions"]}>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-stone-200 align-top" data-testid={`user-row-${u.email}`}>
              <td className="p-2">
                <strong>{u.name}</strong>
                <br />
                <span className="text-stone-700">{u.email}</span>
                {u.isDemo && <span className="ml-1 rounded bg-amber-100 px-1 text-xs">demo</span>}
              </td>
              <td className="p-2">{u.role.toLowerCase()}</td>
              <td className="p-2">
                {u.disabled ? <span className="rounded bg-red-100 px-1 text-red-900">Disabled</span> : "Active"}
              </td>
              <td className="p-2">{u.lastSignInAt ? formatDay(u.lastSignInAt) : "never"}</td>
              <td className="p-2">
                {u.id === actor.id ? <span className="text-stone-600">(you)</span> : <UserActions user={u} />}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
