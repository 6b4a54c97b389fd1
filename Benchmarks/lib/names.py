"""Name lists for the synthetic reference inventory (Benchmarks/generate_reference.py).

Common given names and surnames per language group. The generator mixes a
site's local group with the global pool, so UPNs look like a real
multinational tenant (anna.jensen@, soren.kjaer@, j.smith2@ ...).
"""

FIRST = {
    "da": """Anna Mette Hanne Susanne Lene Maria Kirsten Camilla Louise Charlotte Julie Sofie Ida
        Emma Freja Line Maja Cecilie Signe Karen Birgitte Helle Pia Rikke Tina Lone Marianne
        Peter Jens Lars Henrik Søren Niels Michael Thomas Martin Jesper Anders Christian Rasmus
        Morten Mads Jakob Frederik Mikkel Kasper Jonas Bo Ole Poul Kim Torben Steen Claus Jørgen""",
    "sv": """Eva Karin Kristina Lena Ingrid Sara Emma Maja Elsa Astrid Linnea Johanna Malin Ebba
        Elin Klara Åsa Annika Helena Cecilia Frida Moa Sofia Ulrika Erik Lars Karl Anders
        Johan Per Nils Mikael Jan Hans Oskar Gustav Magnus Björn Fredrik Henrik Mattias
        Daniel Jonas Viktor Axel Olof Stefan Göran Ulf Leif Håkan""",
    "no": """Ingrid Kari Marit Liv Solveig Silje Ragnhild Tone Hilde Nora Ida Ingeborg Sigrid Eli
        Marte Kristin Synnøve Torill Randi Gro Ole Knut Arne Svein Bjørn Tor Geir Terje Odd
        Håvard Eirik Sindre Magnus Aksel Even Kjetil Trond Øystein Vegard Espen Are Stian""",
    "de": """Anna Julia Laura Lena Lea Sarah Katharina Sabine Petra Claudia Susanne Andrea
        Stefanie Nicole Birgit Ursula Monika Jana Franziska Johanna Greta Mia Hannah Sophie
        Thomas Michael Andreas Stefan Christian Markus Matthias Frank Jürgen Klaus Uwe Wolfgang
        Jan Tobias Florian Sebastian Maximilian Lukas Felix Jonas Tim Niklas Philipp Dirk
        Holger Ralf Bernd Günter""",
    "en": """Olivia Amelia Isla Ava Emily Sophie Grace Chloe Charlotte Lucy Hannah Jessica Sarah
        Rebecca Rachel Emma Claire Helen Laura Kate Victoria Alice Eleanor Harriet Oliver George
        Harry Jack Jacob Charlie Thomas James William Daniel Matthew Andrew David Richard Paul
        Mark Simon Stephen Christopher Robert John Michael Edward Henry Samuel Benjamin Owen""",
    "nl": """Anne Eva Sanne Lisa Fleur Emma Julia Sophie Lotte Iris Femke Inge Marieke Petra
        Anouk Esther Linda Mirjam Willemijn Noor Daan Sem Lucas Bram Thijs Joost Jeroen Bas
        Ruud Sander Wouter Pieter Maarten Niels Koen Stijn Jasper Hendrik Gerrit Dirk Teun""",
    "fi": """Aino Helmi Emilia Sofia Aada Venla Kaisa Liisa Riikka Tiina Sanna Minna Päivi Hanna
        Johanna Elina Anu Satu Juha Jukka Matti Mikko Timo Kari Antti Pekka Janne Ville Teemu
        Heikki Olli Lauri Eero Tapio Ilkka Markku Jari Petri""",
    "fr": """Marie Camille Léa Chloé Manon Inès Juliette Sophie Isabelle Nathalie Catherine Céline
        Aurélie Élodie Claire Amélie Hélène Margaux Pauline Lucie Jean Pierre Louis Nicolas
        Julien Antoine François Thomas Mathieu Guillaume Sébastien Alexandre Olivier Philippe
        Hugo Théo Arthur Maxime Benoît Laurent Stéphane""",
    "pl": """Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Joanna Magdalena Monika
        Aleksandra Zofia Julia Natalia Karolina Piotr Krzysztof Andrzej Tomasz Paweł Michał
        Marcin Jakub Łukasz Grzegorz Mateusz Adam Wojciech Kamil Marek Rafał Bartosz""",
    "us": """Mary Jennifer Linda Patricia Elizabeth Susan Jessica Karen Nancy Lisa Ashley Megan
        Brittany Amanda Stephanie Emily Madison Taylor Maria Carmen Ana Rosa Lucia James John
        Robert Michael William David Joseph Charles Christopher Matthew Joshua Andrew Ryan
        Brandon Tyler Kevin Brian Jose Luis Carlos Juan Miguel Diego Marcus Tyrone DeShawn""",
}

LAST = {
    "da": """Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen
        Jørgensen Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller
        Mortensen Knudsen Jakobsen Mikkelsen Olesen Frederiksen Laursen Henriksen Lund Holm
        Schmidt Eriksen Kristiansen Clausen Simonsen Svendsen Andreasen Iversen Jeppesen
        Mogensen Jacobsen Kjær Vestergaard Nissen Lauridsen Dam Bach Søndergaard Holst Bruun""",
    "sv": """Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson
        Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson
        Magnusson Lindström Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg
        Lundgren Lind Lundqvist Mattsson Berglund Fredriksson Sandberg Henriksson Forsberg
        Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson
        Holm Wikström Samuelsson Isaksson""",
    "no": """Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen
        Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl
        Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen Gundersen Iversen Strand
        Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie
        Amundsen Nguyen Rasmussen Ali Lunde Solheim Berntsen Nygård Bakke Kristensen""",
    "de": """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer
        Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann
        Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler
        Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung
        Hahn Schubert""",
    "en": """Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson
        Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips
        Mason Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Hughes Edwards Hill
        Turner Martin Cooper Ward Harris Baker Young King Allen Scott Campbell Stewart Murray
        MacDonald O'Brien Kelly Reid Fraser""",
    "nl": """de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer
        de Boer Mulder de Groot Bos Vos Peters Hendriks van Leeuwen Dekker Brouwer de Wit Dijkstra
        Smits de Graaf van der Meer van der Linden Kok Jacobs de Haan Vermeulen van den Heuvel
        van der Veen van den Broek de Bruijn de Bruin van der Heijden Schouten van Beek Willems
        van Vliet van de Ven Hoekstra Maas Verhoeven Koster van Dam""",
    "fi": """Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen
        Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen
        Turunen Salo Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen
        Lahtinen Ahonen""",
    "fr": """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel
        Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine
        Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier
        François Legrand Gauthier Garcia""",
    "pl": """Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
        Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski
        Grabowski Nowakowski Pawłowski Michalski Nowicki Adamczyk Dudek Zając Wieczorek
        Jabłoński Król Majewski Olszewski""",
    "us": """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
        Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson
        White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
        Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
        Roberts Kim Chen Patel""",
}


def _split_last(text):
    # Dutch surnames carry lower-case particles ("van der Meer"): join them to the next word.
    out, pending = [], []
    for word in text.split():
        if word in ("de", "van", "der", "den"):
            pending.append(word)
            continue
        out.append(" ".join(pending + [word]))
        pending = []
    return out


FIRST = {k: v.split() for k, v in FIRST.items()}
LAST = {k: _split_last(v) for k, v in LAST.items()}
