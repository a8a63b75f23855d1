var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{},names:{}};SITEGEN_SEARCH.facets["42ee21cabd24"]=[[0,1]];
