import { Alert, Anchor, Badge, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormError } from '../../components/forms/FormError';
import { useReferenceOptions } from '../../components/forms/reference';
import { useFormErrors } from '../../components/forms/useFormErrors';
import { Loading } from '../../components/Loading';
import { graphql } from '../../gql';
import { EMPTY_OFFER, fromOffer, toOfferInput, validateOffer, type OfferField, type OfferValues } from './offer-form';
import { OfferForm } from './OfferForm';
import { useProviders } from './provider-access';

const ProviderOffer = graphql(`
  query ProviderOffer($id: ID!) {
    trainingOffer(id: $id) {
      id
      status
      provider {
        id
        name
      }
      title
      description
      capacityAreas
      format
      languages {
        code
      }
      country {
        code
      }
      city
      startsAt
      endsAt
      applicationDeadline
      seats
      cost {
        amount
        currency
      }
      subsidyAvailable
      eligibleOrganizationKinds
      audienceCountriesOfResidence
      audienceRegions
      languageRequired
    }
  }
`);

const CreateOffer = graphql(`
  mutation CreateProviderOffer($input: TrainingOfferInput!) {
    createTrainingOffer(input: $input) {
      id
      status
    }
  }
`);

const UpdateOffer = graphql(`
  mutation UpdateProviderOffer($id: ID!, $input: UpdateTrainingOfferInput!) {
    updateTrainingOffer(id: $id, input: $input) {
      id
      status
    }
  }
`);

const PublishOffer = graphql(`
  mutation PublishProviderOffer($id: ID!) {
    publishTrainingOffer(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

/** The offer editor: a new offer (`?provider=`) or an existing one; saved as a draft, then published. */
export default function OfferEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { user, ready, loading, providers, chosen } = useProviders();
  const options = useReferenceOptions();
  const [{ data, fetching }] = useQuery({ query: ProviderOffer, variables: { id: id ?? '' }, pause: !id || !user });
  const [values, setValues] = useState<OfferValues>(EMPTY_OFFER);
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(params.get('saved') === '1');
  const form = useFormErrors();
  const [, create] = useMutation(CreateOffer);
  const [, update] = useMutation(UpdateOffer);
  const [, publish] = useMutation(PublishOffer);
  const offer = data?.trainingOffer;

  useEffect(() => {
    if (offer && offer.id !== loadedId) {
      setValues(fromOffer(offer));
      setLoadedId(offer.id);
    }
  }, [offer, loadedId]);

  if (ready && !user) return <Navigate to="/sign-in" replace state={{ from: '/provider' }} />;
  if (loading || (id && fetching && !data)) return <Loading />;
  const providerId = offer?.provider.id ?? chosen?.id;
  const managed = !!providerId && providers.some((p) => p.id === providerId);
  if (id && !offer) return <Navigate to="/provider" replace />;
  if (!managed)
    return (
      <Container size="md">
        <Title order={1}>{t('provider.editor.newTitle')}</Title>
        <Alert color="gray" mt="md">
          {t('provider.noProvider')}
        </Alert>
      </Container>
    );

  const set = <K extends OfferField>(key: K, value: OfferValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };

  /** Checks, then creates or updates the offer; its id when saved. */
  const save = async (): Promise<string | null> => {
    if (!form.check(validateOffer(values, t))) return null;
    setBusy(true);
    const input = toOfferInput(values, providerId);
    const result = id ? await update({ id, input }) : await create({ input });
    setBusy(false);
    if (!form.settle(result.error)) return null;
    const savedId =
      id ?? (result.data && 'createTrainingOffer' in result.data ? result.data.createTrainingOffer.id : null);
    setSaved(true);
    return savedId;
  };

  const saveDraft = async () => {
    const savedId = await save();
    if (savedId && !id) navigate(`/provider/offers/${savedId}/edit?saved=1`, { replace: true });
  };

  const saveAndPublish = async () => {
    const savedId = await save();
    if (!savedId) return;
    setBusy(true);
    const result = await publish({ id: savedId });
    setBusy(false);
    if (form.settle(result.error)) navigate(`/provider/offers/${savedId}?published=1`);
  };

  const providerName = offer?.provider.name ?? chosen?.name;
  return (
    <Container size="md">
      <Stack gap="md">
        <Anchor component={Link} to={`/provider?provider=${providerId}`} size="sm">
          {t('provider.backToOffers')}
        </Anchor>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1}>{id ? t('provider.editor.editTitle') : t('provider.editor.newTitle')}</Title>
            <Text c="dimmed">{providerName}</Text>
          </div>
          {offer && (
            <Badge variant="light" c="dark.8" data-testid="offer-status">
              {t(`provider.status.${offer.status}`)}
            </Badge>
          )}
        </Group>
        <div role="status" aria-live="polite">
          {saved && (
            <Alert color="teal" data-testid="save-state">
              {t('provider.editor.saved')}
            </Alert>
          )}
        </div>
        <FormError message={form.general} />
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveDraft();
          }}
        >
          <Stack gap="md">
            <OfferForm values={values} set={set} errors={form.fields} options={options} />
            <Group gap="sm" wrap="wrap">
              <Button type="submit" variant={offer?.status === 'PUBLISHED' ? 'filled' : 'default'} loading={busy}>
                {offer?.status === 'PUBLISHED' ? t('provider.editor.saveChanges') : t('provider.editor.saveDraft')}
              </Button>
              {offer?.status !== 'PUBLISHED' && (
                <Button onClick={() => void saveAndPublish()} loading={busy}>
                  {t('provider.editor.publish')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
