"""18.0.1.1.0: the shipped scoring factors' options became records with XML ids.

Before, they were created inline by their factor (no XML id), so their names could not be
translated. Give the existing rows the XML ids the data file now declares, so that the
update finds them instead of inserting duplicates of (factor, value).
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
        SELECT 'credit_management', factor.name || '_' || option.value,
               'credit.score.factor.option', option.id, TRUE
          FROM credit_score_factor_option option
          JOIN ir_model_data factor
            ON factor.model = 'credit.score.factor' AND factor.res_id = option.factor_id
           AND factor.module = 'credit_management'
         WHERE NOT EXISTS (
                SELECT 1 FROM ir_model_data d
                 WHERE d.module = 'credit_management'
                   AND d.name = factor.name || '_' || option.value)
        """
    )
