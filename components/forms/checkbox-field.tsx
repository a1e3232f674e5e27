import type { InputHTMLAttributes } from "react";

export function CheckboxField({ id, label, ...props }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" className="size-4" {...props} />
      <label htmlFor={id} className="text-sm">{label}</label>
    </div>
  );
}
