// What every publish form shares (a resource type, a certificate type, a service item): the drawer, the form until
// the hub accepts it and what was published after, and the hub's refusal on the form's fields, as the grants that
// hold on to a removed field, or else in words.
import { Alert, Button, Drawer, Form } from 'antd';
import type { Store } from 'antd/es/form/interface';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/errors/ProblemList';
import { usePublishRefusal } from './publishRefusal';
import { UsedByGrantsAlert } from './UsedByGrantsAlert';

export interface Published {
  code: string;
  version: number;
}

/** A publish form's state: its form, the hub's refusal, and what was published once the hub accepted it. */
export function usePublishForm<Values>() {
  const [form] = Form.useForm<Values>();
  const refusal = usePublishRefusal(form);
  const [published, setPublished] = useState<Published | null>(null);
  return {
    form,
    refusal,
    published,
    /** Sends the form through `publish`: what it published, or the refusal shown on the form. */
    async send(publish: () => Promise<{ published: Published | null | undefined; error: unknown }>) {
      refusal.reset();
      const answer = await publish();
      if (answer.published) setPublished(answer.published);
      else refusal.show(answer.error);
    },
  };
}

export type PublishFormState<Values> = ReturnType<typeof usePublishForm<Values>>;

export function PublishDrawer<Values>({
  title,
  state,
  initialValues,
  loading,
  onFinish,
  onClose,
  children,
}: {
  title: string;
  state: PublishFormState<Values>;
  initialValues: Values;
  loading: boolean;
  onFinish(values: Values): Promise<void>;
  onClose(published: boolean): void;
  /** The form's own fields. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { published, refusal } = state;
  return (
    <Drawer open size="large" title={title} onClose={() => onClose(!!published)} closable={{ 'aria-label': t('common.close') }}>
      {published ? (
        <Alert type="success" showIcon role="status" title={t('admin.catalog.published', { code: published.code, version: published.version })} action={<Button onClick={() => onClose(true)}>{t('common.close')}</Button>} />
      ) : (
        <Form<Values> form={state.form} layout="vertical" initialValues={initialValues as Store} onFinish={(v) => void onFinish(v)}>
          {children}
          <UsedByGrantsAlert usedByGrants={refusal.usedByGrants} />
          <ProblemList error={refusal.error} />
          <Button type="primary" htmlType="submit" loading={loading} style={{ marginTop: 16 }}>
            {t('admin.catalog.publish')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
