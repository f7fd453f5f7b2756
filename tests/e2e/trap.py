"""A browser tab that counts every script a payload manages to run (for the stored-XSS tests)."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Dialog, Page

# alert, confirm, prompt and print are what payloads call: each call is counted in window.__xss.
TRAP = """
window.__xss = 0;
['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
  window[name] = function () { window.__xss += 1; };
});
"""


def trapped_tab(context: BrowserContext) -> tuple[Page, list[str]]:
    """A new tab of ``context`` with the trap installed, and the list its dialogs are noted in."""
    context.add_init_script(TRAP)
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab = context.new_page()
    tab.on("dialog", on_dialog)
    return tab, dialogs
