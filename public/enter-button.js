/*
 * Progressive enhancement, loaded only by the forms that need it (src/platform/views/method-choices.tsx):
 * Enter in a field marked data-enter-button="<id>" presses that button of the same form instead of
 * the form's default button. The method picker's search field uses it, so Enter there runs the card
 * search; in every other field Enter still saves. Without this script, Enter in the search field
 * saves the form too (its first submit button is the hidden copy of the save button).
 */
(() => {
  if (window.vvEnterButton) return;
  window.vvEnterButton = true;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing || event.defaultPrevented || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    const field = event.target;
    if (!(field instanceof HTMLInputElement) || !field.dataset.enterButton || !field.form) return;
    const button = document.getElementById(field.dataset.enterButton);
    if (!(button instanceof HTMLButtonElement) || button.form !== field.form || button.disabled) return;
    event.preventDefault();
    button.click();
  });
})();
