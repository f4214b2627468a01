#!/usr/bin/env python3
"""Derives the NYC demo service catalogue from the real 311 sample.

The 30 most frequent complaint types become active services. Each asks two questions whose choices are the
values the sample holds for that type: the descriptor (required) and the location type (optional).
Display names, descriptions, groups and the Spanish texts are written here by hand.

usage: python3 samples/catalog/build_nyc_catalog.py   (from the repository root)
writes samples/catalog/nyc.json and samples/catalog/nyc.es.json; option names in Spanish are kept from
the existing nyc.es.json.
"""
import collections
import csv
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "nyc311", "nyc311_2023_sample_5k.csv")
TOP = 30

# complaint type -> (display name, group, description, Spanish name, Spanish description)
CURATED = {
    "HEAT/HOT WATER": ("Heat or hot water", "Housing",
        "No heat or no hot water in a residential building.",
        "Calefacción o agua caliente", "No hay calefacción o agua caliente en un edificio residencial."),
    "Illegal Parking": ("Illegal parking", "Vehicles and parking",
        "A vehicle parked where it should not be: hydrant, bus stop, bike lane, double parking.",
        "Estacionamiento ilegal", "Un vehículo estacionado donde no debe: hidrante, parada de autobús, carril de bicicletas, doble fila."),
    "Noise - Residential": ("Noise from a home", "Noise",
        "Loud music, parties, banging or talking from a residence.",
        "Ruido de una vivienda", "Música alta, fiestas, golpes o voces desde una residencia."),
    "Blocked Driveway": ("Blocked driveway", "Vehicles and parking",
        "A vehicle blocks a driveway, fully or partly.",
        "Entrada de garaje bloqueada", "Un vehículo bloquea una entrada de garaje, total o parcialmente."),
    "UNSANITARY CONDITION": ("Unsanitary condition", "Housing",
        "Pests, mold, garbage or sewage in a residential building.",
        "Condición insalubre", "Plagas, moho, basura o aguas residuales en un edificio residencial."),
    "Street Condition": ("Street condition", "Streets and sidewalks",
        "Potholes, cave-ins, defective hardware or other damage to the roadway.",
        "Estado de la calle", "Baches, hundimientos, piezas defectuosas u otros daños en la calzada."),
    "PAINT/PLASTER": ("Paint or plaster", "Housing",
        "Peeling paint or damaged plaster on walls or ceilings of a home.",
        "Pintura o yeso", "Pintura descascarada o yeso dañado en paredes o techos de una vivienda."),
    "PLUMBING": ("Plumbing", "Housing",
        "Leaks, clogged drains, broken fixtures or no water in a home.",
        "Plomería", "Fugas, desagües tapados, accesorios rotos o falta de agua en una vivienda."),
    "Graffiti": ("Graffiti", "Sanitation",
        "Graffiti on a building, a wall or street furniture.",
        "Grafiti", "Grafiti en un edificio, un muro o el mobiliario urbano."),
    "DOOR/WINDOW": ("Door or window", "Housing",
        "A broken door, lock, window or window guard in a home.",
        "Puerta o ventana", "Una puerta, cerradura, ventana o protección de ventana rota en una vivienda."),
    "WATER LEAK": ("Water leak", "Housing",
        "Water leaking inside a residential building.",
        "Fuga de agua", "Agua que gotea dentro de un edificio residencial."),
    "Derelict Vehicles": ("Derelict vehicle", "Sanitation",
        "A vehicle left on the street without plates or stripped.",
        "Vehículo abandonado en mal estado", "Un vehículo dejado en la calle sin placas o desmantelado."),
    "Traffic Signal Condition": ("Traffic signal", "Streets and sidewalks",
        "A traffic or pedestrian signal that is out, damaged or wrongly timed.",
        "Semáforo", "Un semáforo vehicular o peatonal apagado, dañado o mal sincronizado."),
    "Rodent": ("Rats or mice", "Health",
        "Rats, mice or signs of them at a property or on the street.",
        "Ratas o ratones", "Ratas, ratones o señales de ellos en una propiedad o en la calle."),
    "ELECTRIC": ("Electrical problem", "Housing",
        "No power, exposed wiring or faulty outlets in a home.",
        "Problema eléctrico", "Sin electricidad, cables expuestos o enchufes defectuosos en una vivienda."),
    "Abandoned Vehicle": ("Abandoned vehicle", "Vehicles and parking",
        "A vehicle with plates that has not moved for a long time.",
        "Vehículo abandonado", "Un vehículo con placas que no se ha movido en mucho tiempo."),
    "For Hire Vehicle Complaint": ("For-hire vehicle", "Consumers and taxis",
        "A complaint about a for-hire vehicle or its driver.",
        "Vehículo de alquiler", "Una queja sobre un vehículo de alquiler o su conductor."),
    "Noise": ("Noise from equipment or construction", "Noise",
        "Noise from construction, air conditioners, alarms or other equipment.",
        "Ruido de equipos u obras", "Ruido de obras, aires acondicionados, alarmas u otros equipos."),
    "GENERAL": ("General housing condition", "Housing",
        "Other maintenance problems in a residential building.",
        "Condición general de vivienda", "Otros problemas de mantenimiento en un edificio residencial."),
    "Noise - Street/Sidewalk": ("Noise on the street", "Noise",
        "Loud music or talking on a street or sidewalk.",
        "Ruido en la calle", "Música alta o voces en una calle o acera."),
    "FLOORING/STAIRS": ("Floors or stairs", "Housing",
        "Broken floors or stairs in a residential building.",
        "Pisos o escaleras", "Pisos o escaleras rotos en un edificio residencial."),
    "General Construction/Plumbing": ("Construction or building work", "Buildings",
        "Work without a permit, unsafe construction or illegal conversions.",
        "Obras o construcción", "Obras sin permiso, construcción insegura o conversiones ilegales."),
    "Water System": ("Water system", "Water and sewer",
        "Hydrants, water main breaks, low pressure or leaks in the street.",
        "Sistema de agua", "Hidrantes, roturas de tuberías, baja presión o fugas en la calle."),
    "Sewer": ("Sewer", "Water and sewer",
        "Sewer backups, catch basins, odors or manhole problems.",
        "Alcantarillado", "Desbordes de alcantarillado, sumideros, olores o problemas con registros."),
    "Noise - Vehicle": ("Noise from a vehicle", "Noise",
        "Engine idling, car horns or loud music from a vehicle.",
        "Ruido de un vehículo", "Motor encendido, bocinas o música alta desde un vehículo."),
    "Consumer Complaint": ("Consumer complaint", "Consumers and taxis",
        "A complaint about a business: overcharging, refunds, misleading offers.",
        "Queja del consumidor", "Una queja sobre un comercio: cobros de más, reembolsos, ofertas engañosas."),
    "Street Light Condition": ("Street light", "Streets and sidewalks",
        "A street light that is out, cycling, or damaged.",
        "Alumbrado público", "Una farola apagada, intermitente o dañada."),
    "Noise - Commercial": ("Noise from a business", "Noise",
        "Loud music or talking from a bar, club, store or other business.",
        "Ruido de un comercio", "Música alta o voces desde un bar, club, tienda u otro comercio."),
    "Sidewalk Condition": ("Sidewalk condition", "Streets and sidewalks",
        "A broken, raised or blocked sidewalk.",
        "Estado de la acera", "Una acera rota, levantada u obstruida."),
    "Dirty Condition": ("Dirty street or lot", "Sanitation",
        "Litter, dumping or an unclean street, sidewalk or lot.",
        "Calle o terreno sucio", "Basura, vertidos o una calle, acera o terreno sucio."),
}

DEPARTMENTS_ES = {
    "DCA": "Departamento de Asuntos del Consumidor",
    "DEP": "Departamento de Protección Ambiental",
    "DHS": "Departamento de Servicios para Personas sin Hogar",
    "DOB": "Departamento de Edificios",
    "DOHMH": "Departamento de Salud e Higiene Mental",
    "DOT": "Departamento de Transporte",
    "DPR": "Departamento de Parques y Recreación",
    "DSNY": "Departamento de Sanidad",
    "EDC": "Corporación de Desarrollo Económico",
    "HPD": "Departamento de Preservación y Desarrollo de la Vivienda",
    "NYC311-PRD": "Departamento de Protección Ambiental (tramitación 311)",
    "NYPD": "Departamento de Policía de la Ciudad de Nueva York",
    "TLC": "Comisión de Taxis y Limusinas",
}

GROUPS_ES = {
    "Housing": "Vivienda",
    "Vehicles and parking": "Vehículos y estacionamiento",
    "Noise": "Ruido",
    "Streets and sidewalks": "Calles y aceras",
    "Sanitation": "Limpieza",
    "Health": "Salud",
    "Consumers and taxis": "Consumidores y taxis",
    "Buildings": "Edificios",
    "Water and sewer": "Agua y alcantarillado",
}

QUESTIONS = {
    "descriptor": ("What is the problem?", "¿Cuál es el problema?"),
    "location_type": ("What kind of place is it?", "¿Qué tipo de lugar es?"),
}


def service_code(complaint_type):
    """The service code the importers also derive: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", complaint_type.lower()).strip("-")


def option_name(value):
    return value if not value.isupper() else value.capitalize()


def main():
    with open(SOURCE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    counts = collections.Counter(r["Complaint Type"] for r in rows)
    departments = sorted({(r["Agency"], r["Agency Name"]) for r in rows})
    services = []
    for rank, (complaint, _) in enumerate(counts.most_common(TOP), start=1):
        mine = [r for r in rows if r["Complaint Type"] == complaint]
        agency = collections.Counter(r["Agency"] for r in mine).most_common(1)[0][0]
        name, group, description, _, _ = CURATED[complaint]
        questions = []
        for order, (code, column, required) in enumerate(
                [("descriptor", "Descriptor", True), ("location_type", "Location Type", False)], start=1):
            values = [v for v, _ in collections.Counter(r[column] for r in mine).most_common() if v]
            if values:
                questions.append({
                    "code": code, "label": QUESTIONS[code][0], "datatype": "singlevaluelist",
                    "required": required, "order": order,
                    "options": [{"key": v, "name": option_name(v)} for v in values],
                })
        services.append({
            "code": service_code(complaint), "sourceName": complaint, "name": name,
            "description": description, "group": group, "department": agency, "rank": rank,
            "keywords": ", ".join(w for w in re.split(r"[^A-Za-z]+", complaint.lower()) if len(w) > 2),
            "questions": questions,
        })

    catalog = {
        "jurisdiction": {
            "code": "nyc", "name": "New York City", "open311Id": "nyc.gov",
            "timeZone": "America/New_York", "country": "US",
            "bounds": {"southLatitude": 40.4774, "westLongitude": -74.2591,
                       "northLatitude": 40.9176, "eastLongitude": -73.7004},
        },
        "departments": [{"code": c, "name": n} for c, n in departments],
        "services": services,
    }
    with open(os.path.join(HERE, "nyc.json"), "w", encoding="utf-8") as f:
        json.dump(catalog, f, ensure_ascii=False, indent=2)
        f.write("\n")

    es_path = os.path.join(HERE, "nyc.es.json")
    previous = {}
    if os.path.exists(es_path):
        with open(es_path, encoding="utf-8") as f:
            previous = json.load(f)
    texts = {}
    for code, name in DEPARTMENTS_ES.items():
        texts[f"department:{code}:name"] = name
        # The seeding gives every department these two queues (SeedCatalogHandler.AddDepartments).
        texts[f"queue:{code}:main:name"] = f"Cola principal de {code}"
        texts[f"queue:{code}:supervisor-review:name"] = f"Revisión del supervisor de {code}"
    for s in services:
        _, group, _, name_es, description_es = CURATED[s["sourceName"]]
        texts[f"service:{s['code']}:name"] = name_es
        texts[f"service:{s['code']}:description"] = description_es
        texts[f"service:{s['code']}:group"] = GROUPS_ES[group]
        for q in s["questions"]:
            texts[f"question:{s['code']}:{q['code']}:label"] = QUESTIONS[q["code"]][1]
            for o in q["options"]:
                key = f"option:{s['code']}:{q['code']}:{o['key']}"
                if key in previous:
                    texts[key] = previous[key]
    # Written by hand, kept: the jurisdiction's name and the routing rules' row labels (nyc-routing.rules labels
    # its department rows in English only; a label.es there would change the rules' and case type's hashes).
    for key, text in previous.items():
        if key.startswith(("jurisdiction:", "rule:")):
            texts[key] = text
    with open(es_path, "w", encoding="utf-8") as f:
        json.dump(dict(sorted(texts.items())), f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
