import { FORM_REFRESH_FIELD } from '../http/forms.ts';
import { METHOD_IDS_FIELD, METHOD_SEARCH_FIELD, type MethodCard, type MethodPicker, methodPageValue } from '../method-links.ts';
import { useView } from './context.ts';
import { ChoiceGroup, type FormState } from './forms.tsx';

/** public/enter-button.js: Enter in a field with data-enter-button presses that button instead of the form's default one. */
const ENTER_BUTTON_SCRIPT = '/static/enter-button.js';

function CardBox({ card, checked }: { card: MethodCard; checked: boolean }) {
  const id = `${METHOD_IDS_FIELD}-${card.id}`;
  return (
    <div class="kern-form-check">
      <input class="kern-form-check__checkbox" type="checkbox" id={id} name={METHOD_IDS_FIELD} value={String(card.id)} checked={checked} />
      <label class="kern-label" for={id}>
        {card.title} ({card.town})
      </label>
    </div>
  );
}

/**
 * The "methods used" picker of a measure, event or training module form: the ticked cards, then a
 * search over the published cards of the toolkit with one page of results to tick. Its buttons send
 * the whole form back (platform/http/forms.ts: FORM_REFRESH_FIELD), so it works without JavaScript,
 * keeps everything typed and never lists hundreds of cards. Nothing when the toolkit is absent.
 * Its search button comes before the form's save button, so the form sets `defaultSubmit` (see
 * DefaultSubmit in forms.tsx): Enter in the form's other fields then saves instead of searching.
 * Enter in the search field runs the search where JavaScript runs (public/enter-button.js) and
 * saves where it does not.
 */
export function MethodChoices({ picker, form }: { picker: MethodPicker | null; form: FormState }) {
  const { t } = useView();
  if (!picker) return null;
  const error = form.errors[METHOD_IDS_FIELD];
  const first = (picker.page - 1) * picker.pageSize;
  const searchId = METHOD_SEARCH_FIELD;
  const findId = `${METHOD_SEARCH_FIELD}-find`;
  return (
    <ChoiceGroup name={METHOD_IDS_FIELD} legend={t('toolkit.form.used_methods')} hint={t('toolkit.form.used_methods_hint')} error={error ? t(error.key, error.params) : undefined}>
      {picker.selected.length ? (
        <div class="kern-fieldset__body">
          <p class="kern-body kern-body--bold">{t('toolkit.form.picker_selected', { count: picker.selected.length })}</p>
          {picker.selected.map((card) => (
            <CardBox key={card.id} card={card} checked />
          ))}
        </div>
      ) : (
        <p class="kern-body">{t('toolkit.form.picker_none_selected')}</p>
      )}
      <div class="kern-form-input">
        <label class="kern-label" for={searchId}>
          {t('toolkit.form.picker_search')}
        </label>
        <input class="kern-form-input__input" id={searchId} name={METHOD_SEARCH_FIELD} type="search" value={picker.text} maxLength={100} data-enter-button={findId} />
      </div>
      <button type="submit" class="kern-btn kern-btn--secondary" id={findId} name={FORM_REFRESH_FIELD} value={methodPageValue(1)}>
        <span class="kern-label">{t('toolkit.form.picker_find')}</span>
      </button>
      {picker.found.length ? (
        <div class="kern-fieldset__body">
          <p class="kern-body" role="status">
            {t('toolkit.form.picker_found', { from: first + 1, to: first + picker.found.length, total: picker.total })}
          </p>
          {picker.found.map((card) => (
            <CardBox key={card.id} card={card} checked={false} />
          ))}
        </div>
      ) : (
        <p class="kern-body" role="status">
          {t('toolkit.form.picker_nothing_found')}
        </p>
      )}
      <div class="vv-actions">
        {picker.page > 1 ? (
          <button type="submit" class="kern-btn kern-btn--tertiary" name={FORM_REFRESH_FIELD} value={methodPageValue(picker.page - 1)}>
            <span class="kern-label">{t('toolkit.form.picker_previous')}</span>
          </button>
        ) : null}
        {first + picker.found.length < picker.total ? (
          <button type="submit" class="kern-btn kern-btn--tertiary" name={FORM_REFRESH_FIELD} value={methodPageValue(picker.page + 1)}>
            <span class="kern-label">{t('toolkit.form.picker_next')}</span>
          </button>
        ) : null}
      </div>
      {/* Enter in the search field presses "Find" (an external file: the CSP allows no inline script); without it Enter there saves. */}
      <script src={ENTER_BUTTON_SCRIPT} defer />
    </ChoiceGroup>
  );
}
