// Copy buttons: shown only when the browser can copy; without JavaScript the text is simply selectable.
if (navigator.clipboard) {
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.dataset.copy);
      await navigator.clipboard.writeText(source.textContent.trim());
      const label = button.firstChild;
      label.textContent = "Copied";
      setTimeout(() => { label.textContent = "Copy"; }, 2000);
    });
  }
}
