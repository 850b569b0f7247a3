"""``@frozen``: immutable records for the model, without importing ``dataclasses``.

``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize``): 10 ms of a
fresh process, a quarter of what ``cables show`` may take, before one class is made. A
``@frozen`` class holds its fields in ``__slots__`` and has what the model's frozen dataclasses
had and their callers use: the same ``__init__`` (defaults included), ``repr``, ``==`` and
``hash`` by field values, no assignment after ``__init__``, pickling and copying. Its
instances are built faster than a frozen dataclass's (slot setters, not
``object.__setattr__``), which counts for the parser's many paragraphs.

``replace(record, **changes)`` is ``dataclasses.replace``; and for code that uses
``dataclasses`` itself (``replace``, ``fields``, ``asdict``, ``is_dataclass``), a ``@frozen``
class shows the ``__dataclass_fields__`` those read, made when first asked for.
"""

from __future__ import annotations

from collections.abc import Callable

# A default shared by every instance must not be something one instance could change.
_MUTABLE = (list, dict, set, bytearray)


def frozen(cls: type) -> type:
    """The class remade with its annotated fields (in order; a value in the body is the
    default) as immutable slots."""
    if cls.__bases__ != (object,):
        raise TypeError(f"@frozen {cls.__name__}: no base classes")
    names = tuple(cls.__annotations__)
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    for name in names:
        if name.startswith("_"):
            raise TypeError(f"@frozen {cls.__name__}: field {name} starts with _")
        if isinstance(defaults.get(name), _MUTABLE):
            raise TypeError(f"@frozen {cls.__name__}: mutable default for {name}")
    required = [name for name in names if name not in defaults]
    if required and names.index(required[-1]) >= len(required):
        raise TypeError(f"@frozen {cls.__name__}: {required[-1]} without a default after one")
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in defaults and key not in ("__dict__", "__weakref__")
    }
    namespace["__slots__"] = names
    namespace["__qualname__"] = cls.__qualname__
    namespace["__match_args__"] = names
    made = type(cls.__name__, (), namespace)
    values = _values_getter(names)
    made.__init__ = _first_init(made, names, defaults)
    made.__repr__ = _repr(names)
    made.__eq__ = lambda self, other: (
        values(self) == values(other) if other.__class__ is self.__class__ else NotImplemented
    )
    made.__hash__ = lambda self: hash(values(self))
    made.__setattr__ = _refuse
    made.__delattr__ = _refuse
    # Pickled and copied by its field values, through __init__ (no slot assignment).
    made.__reduce__ = lambda self: (self.__class__, values(self))
    made.__dataclass_fields__ = _DataclassFields(names, defaults)
    return made


def replace(record, /, **changes):
    """A copy of ``record`` with some fields changed, as ``dataclasses.replace``."""
    given = {name: getattr(record, name) for name in record.__slots__}
    given.update(changes)
    return record.__class__(**given)


def _values_getter(names: tuple[str, ...]) -> Callable[[object], tuple]:
    from operator import attrgetter

    if len(names) == 1:
        (name,) = names
        return lambda record: (getattr(record, name),)
    return attrgetter(*names) if names else lambda record: ()


def _first_init(cls: type, names: tuple[str, ...], defaults: dict) -> Callable[..., None]:
    """An ``__init__`` that makes the class's own at the first instance: compiling it is
    most of what making the class costs, and a command builds few of the model's types."""

    def __init__(self, *args, **kwargs) -> None:
        init = _init(cls, names, defaults)
        type.__setattr__(cls, "__init__", init)
        init(self, *args, **kwargs)

    return __init__


def _init(cls: type, names: tuple[str, ...], defaults: dict) -> Callable[..., None]:
    """``__init__(self, field, ..., field=default)`` that sets each slot with its setter."""
    scope: dict = {}
    parameters = []
    body = []
    for number, name in enumerate(names):
        scope[f"_set_{number}"] = getattr(cls, name).__set__
        if name in defaults:
            scope[f"_default_{number}"] = defaults[name]
            parameters.append(f"{name}=_default_{number}")
        else:
            parameters.append(name)
        body.append(f"    _set_{number}(self, {name})\n")
    source = f"def __init__(self, {', '.join(parameters)}):\n{''.join(body) or '    pass'}\n"
    exec(source, scope)  # as dataclasses and namedtuple make theirs: a plain, fast __init__
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _repr(names: tuple[str, ...]) -> Callable[[object], str]:
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _refuse(self, name: str, *value) -> None:
    raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


class _DataclassFields:
    """``__dataclass_fields__`` made when code using ``dataclasses`` asks for it (which has
    imported ``dataclasses`` by then), then kept on the class."""

    def __init__(self, names: tuple[str, ...], defaults: dict) -> None:
        self.names = names
        self.defaults = defaults

    def __get__(self, instance, owner: type) -> dict:
        import dataclasses

        fields = {}
        for name in self.names:
            if name in self.defaults:
                field = dataclasses.field(default=self.defaults[name])
            else:
                field = dataclasses.field()
            # What @dataclass sets on each field it collects.
            field.name = name
            field.type = owner.__annotations__[name]
            field._field_type = dataclasses._FIELD
            fields[name] = field
        type.__setattr__(owner, "__dataclass_fields__", fields)
        return fields
