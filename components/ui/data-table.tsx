import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  align?: "left" | "right";
  /** Visually hidden (e.g. an actions column), still read by screen readers. */
  hidden?: boolean;
}

/** The console's table frame: bordered, scrolls sideways on small screens, header row from `columns`. */
export function DataTable({ caption, columns, children, empty }: {
  caption?: string;
  columns: Column[];
  children: ReactNode;
  empty?: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`px-3 py-2 ${c.align === "right" ? "text-right" : ""}`}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty ? <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">{empty}</p> : null}
    </div>
  );
}

/** A body row; `selected` highlights the row the page is showing details of. */
export function Row({ children, selected }: { children: ReactNode; selected?: boolean }) {
  return (
    <tr className={`border-t border-slate-200 align-top dark:border-slate-800 ${selected ? "bg-brand-50 dark:bg-slate-800" : ""}`}>
      {children}
    </tr>
  );
}

export function Cell({ children, className = "" }: { children?: ReactNode; className?: string }) {
  return <td className={`px-3 py-2 ${className}`}>{children}</td>;
}
