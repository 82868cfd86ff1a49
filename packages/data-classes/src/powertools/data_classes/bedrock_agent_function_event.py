"""Agents for Amazon Bedrock action group event (function-definition action groups)."""

from __future__ import annotations

from powertools.common.dict_wrapper import DictWrapper
from powertools.data_classes._fields import Field, ListOf, Section
from powertools.data_classes.bedrock_agent_event import BedrockAgentInfo

__all__ = ["BedrockAgentFunctionEvent", "BedrockAgentFunctionParameter", "BedrockAgentInfo"]


class BedrockAgentFunctionParameter(DictWrapper):
    name = Field[str]("name")
    type = Field[str]("type")  # upstream's name
    value = Field[str]("value")


class BedrockAgentFunctionEvent(DictWrapper):
    """An agent calling a function of an action group."""

    message_version = Field[str]("messageVersion")
    input_text = Field[str]("inputText")
    session_id = Field[str]("sessionId")
    action_group = Field[str]("actionGroup")
    function = Field[str]("function")
    parameters = ListOf(BedrockAgentFunctionParameter, "parameters")
    agent = Section(BedrockAgentInfo, "agent")

    @property
    def session_attributes(self) -> dict[str, str]:
        return dict(self._section("sessionAttributes"))

    @property
    def prompt_session_attributes(self) -> dict[str, str]:
        return dict(self._section("promptSessionAttributes"))
