"""Urgency first: answers a message that raised the triage level before anything else.

Why a policy and not rules: a rule needs an intent, and an urgent message
may come with any intent ("minut häädetään huomenna" reads as a housing
question). `action_validate_slot_mappings` has already put the level this
message raised into `triage_pending` when prediction starts, so this policy
predicts `action_respond_triage` with full confidence and a priority above
the RulePolicy; otherwise it predicts nothing and the rules decide.

Inside the intake form Rasa's loop prediction outranks every policy, so the
form's validation ends the form on such a message and this policy answers
right after. It also picks up the hub's hand-back notice, and predicts
`action_listen` after the actions it or a follow-up started (no rule covers
them, and Rasa's core fallback would otherwise step in).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from actions.intake.names import ACTION_FINISH, FORM
from actions.triage.names import (
    ACTION_HANDED_BACK, ACTION_RESPOND_TRIAGE, ACTION_START_INTAKE, EMERGENCY, EVENT_HANDED_BACK, HANDOFF_ACTIVE,
    PAYLOAD_KEY, PERSON_INTENTS, SUPPORT, TRIAGE_PENDING, URGENT,
)

# Actions after which the resident speaks next, unless they set a follow-up.
LISTEN_AFTER = frozenset({ACTION_RESPOND_TRIAGE, ACTION_HANDED_BACK, ACTION_START_INTAKE, ACTION_FINISH})
DEFAULT_PRIORITY = 7  # above RulePolicy (6): ties at confidence 1.0 go to triage


def handed_back(tracker: DialogueStateTracker) -> bool:
    metadata = tracker.latest_message.metadata if tracker.latest_message else None
    notice = (metadata or {}).get(PAYLOAD_KEY) if isinstance(metadata, dict) else None
    return isinstance(notice, dict) and notice.get("event") == EVENT_HANDED_BACK


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action this policy insists on, or None to let the other policies decide."""
    latest = tracker.latest_action_name
    if latest in LISTEN_AFTER:
        return ACTION_LISTEN_NAME
    pending = tracker.get_slot(TRIAGE_PENDING)
    if latest == FORM and tracker.active_loop_name is None and pending in (EMERGENCY, URGENT):
        return ACTION_RESPOND_TRIAGE  # the form stopped for this message
    if latest != ACTION_LISTEN_NAME or tracker.active_loop_name:
        return None
    if handed_back(tracker):
        return ACTION_HANDED_BACK
    if pending in (EMERGENCY, URGENT):
        return ACTION_RESPOND_TRIAGE
    intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
    if pending == SUPPORT and intent not in PERSON_INTENTS and not tracker.get_slot(HANDOFF_ACTIVE):
        return ACTION_RESPOND_TRIAGE
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class TriageFirstPolicy(Policy):
    """Predicts the triage reply first; learns nothing from stories."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"priority": DEFAULT_PRIORITY}

    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.ML_AND_RULE_DATA

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Optional[Any] = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "triage_first.txt").write_text("no parameters\n", encoding="utf-8")
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[str, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = next_action(tracker)
        if action is not None and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)
