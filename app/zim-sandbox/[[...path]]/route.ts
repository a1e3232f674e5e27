import { can } from "@/lib/auth/roles";
import { currentOperator } from "@/lib/auth/session";
import { CONSOLE_SANDBOX_BASE_PATH, handleConsoleSandboxRequest } from "@/lib/sandbox/next-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The built-in ZIM sandbox, mounted in the console. Its ZIM API (`/zim-sandbox/?Action=…`) authenticates by
 * signature, exactly like the real host; its inspection and control endpoints (`/zim-sandbox/_sandbox/…`) need a
 * signed-in operator: reading for any role, changing the world for operators and admins.
 */
async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith(`${CONSOLE_SANDBOX_BASE_PATH}/_sandbox`)) {
    const operator = await currentOperator();
    if (!operator) return Response.json({ Error: "Sign in to the console to use the sandbox controls." }, { status: 401 });
    const permission = request.method === "GET" ? "sandbox:read" : "sandbox:write";
    if (!can(operator.role, permission)) {
      return Response.json({ Error: "Your role does not allow changing the sandbox." }, { status: 403 });
    }
  }
  return handleConsoleSandboxRequest(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE };
