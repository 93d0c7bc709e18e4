import type { ReactNode } from 'react';
import { SINCH_REGIONS } from '../../../common/domain/account';
import { errorFor, type AccountForm, type FieldErrors } from './accountForm';
import { Field, SelectField } from './Field';

interface Props<K extends 'sinch' | 'welkin'> {
  values: AccountForm[K];
  errors: FieldErrors;
  onChange(patch: Partial<AccountForm[K]>): void;
  /** The shared secret input, placed next to the identifier it belongs with. */
  secret: ReactNode;
}

const REGION_LABELS: Record<(typeof SINCH_REGIONS)[number], string> = {
  global: 'Global (default)', use1: 'US East (use1)', eu1: 'Europe (eu1)', sae1: 'South America (sae1)',
  apse1: 'Asia Pacific, Singapore (apse1)', apse2: 'Asia Pacific, Sydney (apse2)',
};

export function SinchFields({ values, errors, onChange, secret }: Props<'sinch'>) {
  const e = (k: string) => errorFor(errors, `settings.sinch.${k}`);
  return (
    <>
      <Field label="Project ID" value={values.projectId} error={e('projectId')} required onChange={(v) => onChange({ projectId: v })} />
      <Field label="Key ID" value={values.keyId} error={e('keyId')} required onChange={(v) => onChange({ keyId: v })} />
      {secret}
      <SelectField
        label="Authentication"
        value={values.authMode}
        options={[{ value: 'oauth2', label: 'OAuth2 (recommended)' }, { value: 'basic', label: 'Basic' }]}
        onChange={(v) => onChange({ authMode: v })}
      />
      <SelectField
        label="Region"
        value={values.region}
        options={SINCH_REGIONS.map((r) => ({ value: r, label: REGION_LABELS[r] }))}
        onChange={(v) => onChange({ region: v })}
      />
      <Field label="Service ID (optional)" value={values.serviceId} error={e('serviceId')} onChange={(v) => onChange({ serviceId: v })} />
      <Field label="From number (optional)" type="tel" value={values.fromNumber} error={e('fromNumber')} onChange={(v) => onChange({ fromNumber: v })} />
      <details className="advanced" open={Boolean(values.baseUrl || values.authUrl || e('baseUrl') || e('authUrl'))}>
        <summary>Advanced</summary>
        <Field
          label="API base URL"
          type="url"
          value={values.baseUrl}
          error={e('baseUrl')}
          placeholder="Empty uses the region’s Sinch host"
          onChange={(v) => onChange({ baseUrl: v })}
        />
        <Field
          label="Auth URL"
          type="url"
          value={values.authUrl}
          error={e('authUrl')}
          placeholder="Empty uses https://auth.sinch.com"
          onChange={(v) => onChange({ authUrl: v })}
        />
      </details>
    </>
  );
}

export function WelkinFields({ values, errors, onChange, secret }: Props<'welkin'>) {
  const e = (k: string) => errorFor(errors, `settings.welkin.${k}`);
  return (
    <>
      <Field label="Tenant" value={values.tenant} error={e('tenant')} required onChange={(v) => onChange({ tenant: v })} />
      <Field label="Instance" value={values.instance} error={e('instance')} required onChange={(v) => onChange({ instance: v })} />
      <Field label="API client" value={values.apiClient} error={e('apiClient')} required onChange={(v) => onChange({ apiClient: v })} />
      {secret}
      <Field label="API base URL" type="url" value={values.baseUrl} error={e('baseUrl')} onChange={(v) => onChange({ baseUrl: v })} />
    </>
  );
}
