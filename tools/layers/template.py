"""A CloudFormation template publishing every built layer, plus an example function on the combined one.

Layers are ``AWS::Lambda::LayerVersion`` resources reading their zip from an S3 bucket given as
a parameter (upload ``dist/layers/*.zip`` under ``LayerKeyPrefix`` first). The example
function is inline code that logs with the combined layer's logger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

ARCHITECTURE_NAMES = {"x86_64": "x86_64", "arm64": "arm64"}

EXAMPLE_HANDLER = """from powertools.logger import Logger

logger = Logger(service="layer-example")


@logger.inject_lambda_context
def handler(event, context):
    logger.info("hello from the powertools combined layer")
    return {"ok": True}
"""


class LayerInfo(Protocol):
    name: str
    file: str
    architecture: str
    python_versions: list[str]


def logical_id(layer: LayerInfo) -> str:
    words = re.split(r"[^A-Za-z0-9]+", layer.file.removesuffix(".zip"))
    return "".join(w[:1].upper() + w[1:] for w in words if w) + "Layer"


def render(built: Sequence[LayerInfo]) -> dict[str, Any]:
    resources: dict[str, Any] = {}
    outputs: dict[str, Any] = {}
    for layer in built:
        rid = logical_id(layer)
        resources[rid] = {
            "Type": "AWS::Lambda::LayerVersion",
            "Properties": {
                "LayerName": layer.file.removesuffix(".zip").replace(".", "-"),
                "Description": f"powertools {layer.name} layer",
                "Content": {"S3Bucket": {"Ref": "LayerBucket"}, "S3Key": {"Fn::Sub": "${LayerKeyPrefix}" + layer.file}},
                "CompatibleRuntimes": [f"python{v}" for v in layer.python_versions],
                "CompatibleArchitectures": [ARCHITECTURE_NAMES[layer.architecture]],
                "LicenseInfo": "MIT-0",
            },
        }
        outputs[rid] = {"Value": {"Ref": rid}, "Description": f"ARN of {layer.file}"}
    combined = next(
        (b for b in built if b.name == "combined" and b.architecture == "x86_64"),
        next((b for b in built if b.name == "combined"), None),
    )
    if combined is not None:
        resources["ExampleFunctionRole"] = {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "lambda.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                        }
                    ],
                },
                "ManagedPolicyArns": [
                    {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}
                ],
            },
        }
        resources["ExampleFunction"] = {
            "Type": "AWS::Lambda::Function",
            "Properties": {
                "Runtime": f"python{combined.python_versions[-1]}",
                "Architectures": [ARCHITECTURE_NAMES[combined.architecture]],
                "Handler": "index.handler",
                "Role": {"Fn::GetAtt": ["ExampleFunctionRole", "Arn"]},
                "Layers": [{"Ref": logical_id(combined)}],
                "Code": {"ZipFile": EXAMPLE_HANDLER},
                "Timeout": 10,
                "MemorySize": 256,
            },
        }
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "powertools Lambda layers and an example function using the combined layer",
        "Parameters": {
            "LayerBucket": {"Type": "String", "Description": "S3 bucket holding the layer zips"},
            "LayerKeyPrefix": {"Type": "String", "Default": "", "Description": "key prefix of the zips in the bucket"},
        },
        "Resources": resources,
        "Outputs": outputs,
    }
