"""`scrmap schema`: the JSON Schema of each file scrmap reads, for editors."""

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer


class SchemaKind(StrEnum):
    """The files scrmap reads that have a published schema."""

    framework = "framework"
    recommendations = "recommendations"
    gold = "gold"


def schema_command(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            metavar="KIND", help="Which file's schema to print: framework, recommendations or gold."
        ),
    ],
) -> None:
    """Print the JSON Schema of a framework, recommendation (YAML) or gold file."""
    from pydantic import BaseModel

    from scrmap.evaluate import GoldFile
    from scrmap.framework_file import Framework
    from scrmap.sources.yaml_file import RecommendationFile

    models: dict[SchemaKind, type[BaseModel]] = {
        SchemaKind.framework: Framework,
        SchemaKind.recommendations: RecommendationFile,
        SchemaKind.gold: GoldFile,
    }
    sys.stdout.write(json.dumps(models[kind].model_json_schema(), indent=2) + "\n")
